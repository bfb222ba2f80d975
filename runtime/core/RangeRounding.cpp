#include "RangeRounding.h"

#include "CheckedMath.h"

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

void roundItemGrid(LaunchConfig &config, const DeviceLimits &limits) {
  LaunchConfig rounded = config;
  // The fastest dimension first: a group spreads along it before the others.
  std::size_t remaining = std::max<std::size_t>(limits.rangeGranule, 1);
  for (std::uint32_t axis = 0; axis < config.dims && remaining > 1; ++axis) {
    std::size_t extent = config.global[axis];
    // A multiple of at most extent/8 wastes at most an eighth.
    std::size_t multiple = std::min(
        remaining, powerOfTwoAtMost(std::max<std::size_t>(extent / 8, 1)));
    std::size_t down = extent / multiple * multiple;
    // Rounded up only where that stays within the device's extent.
    if (down != extent) {
      if (limits.maxGlobalSizes[axis] - down < multiple)
        continue;
      down += multiple;
    }
    rounded.global[axis] = down;
    remaining /= multiple;
  }
  // Up to an eighth more per dimension can pass the device's total.
  std::optional<std::size_t> items =
      checkedProduct(rounded.global, rounded.dims);
  if (items && *items <= limits.maxGlobalItems)
    config = rounded;
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
