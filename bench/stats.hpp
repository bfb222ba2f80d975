// Medians and timing helpers.
#pragma once

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <vector>

namespace bench {

inline double median(std::vector<double> v) {
  if (v.empty())
    throw std::logic_error("median of no samples");
  std::size_t mid = v.size() / 2;
  std::nth_element(v.begin(), v.begin() + mid, v.end());
  double upper = v[mid];
  if (v.size() % 2)
    return upper;
  return (upper + *std::max_element(v.begin(), v.begin() + mid)) / 2;
}

using Clock = std::chrono::steady_clock;

inline double nsSince(Clock::time_point start) {
  return std::chrono::duration<double, std::nano>(Clock::now() - start).count();
}

} // namespace bench
