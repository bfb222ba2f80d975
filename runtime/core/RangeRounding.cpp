#include "RangeRounding.h"

#include <algorithm>

namespace dpex::rt {

namespace {

std::size_t powerOfTwoAtMost(std::size_t n) {
  std::size_t p = 1;
  while (p <= n / 2)
    p *= 2;
  return p;
}

} // namespace

void roundItemGrid(LaunchConfig &config, std::size_t granule) {
  // The fastest dimension first: a group spreads along it before the others.
  std::size_t remaining = std::max<std::size_t>(granule, 1);
  for (std::uint32_t axis = 0; axis < config.dims && remaining > 1; ++axis) {
    std::size_t extent = config.global[axis];
    // A multiple of at most extent/8 wastes at most an eighth.
    std::size_t multiple =
        std::min(remaining, powerOfTwoAtMost(std::max<std::size_t>(extent / 8, 1)));
    config.global[axis] = (extent + multiple - 1) / multiple * multiple;
    remaining /= multiple;
  }
}

} // namespace dpex::rt
