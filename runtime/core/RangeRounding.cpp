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
    std::size_t multiple = std::min(
        remaining, powerOfTwoAtMost(std::max<std::size_t>(extent / 8, 1)));
    config.global[axis] = (extent + multiple - 1) / multiple * multiple;
    remaining /= multiple;
  }
}

std::optional<SplitGrid> splitItemGrid(const LaunchConfig &config,
                                       std::size_t granule) {
  std::size_t extent = config.global[0];
  if (granule <= 1 || extent < granule || extent % granule == 0)
    return std::nullopt;
  SplitGrid split{config, config};
  split.bulk.hasLocal = split.tail.hasLocal = true;
  for (std::uint32_t axis = 1; axis < config.dims; ++axis)
    split.bulk.local[axis] = split.tail.local[axis] = 1;
  split.bulk.global[0] = extent / granule * granule;
  split.bulk.local[0] = granule;
  split.tail.offset[0] = split.bulk.global[0];
  split.tail.global[0] = split.tail.local[0] = extent % granule;
  return split;
}

} // namespace dpex::rt
