// What bench/first_call.cpp (dpex) and bench/first_call_raw.cpp (the
// driver's floor) share: the saxpy problem and the clock both time it with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ctime>

namespace first_call {

constexpr std::size_t kN = 1024;
constexpr float kA = 2.0f;

inline std::int64_t monotonicNs() {
  timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return std::int64_t(t.tv_sec) * 1000000000 + t.tv_nsec;
}

} // namespace first_call
