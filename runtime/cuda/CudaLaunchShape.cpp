#include "CudaLaunchShape.h"

#include <algorithm>
#include <string>

namespace dpex::rt::cuda {

namespace {

constexpr std::size_t ThreadBudget = 256;
constexpr std::size_t WarpSize = 32;

std::size_t largestDivisorAtMost(std::size_t n, std::size_t cap) {
  for (std::size_t d = std::min(n, cap); d > 1; --d)
    if (n % d == 0)
      return d;
  return 1;
}

// The smallest divisor of n in [low, high], or 0 if there is none.
std::size_t smallestDivisorBetween(std::size_t n, std::size_t low,
                                   std::size_t high) {
  for (std::size_t d = std::max<std::size_t>(low, 1); d <= std::min(n, high);
       ++d)
    if (n % d == 0)
      return d;
  return 0;
}

// In x, at least a warp's worth, and more where the other dimensions are
// too small to use the budget.
std::size_t xCap(const LaunchConfig &config, std::size_t budget) {
  std::size_t others = 1;
  for (std::uint32_t axis = 1; axis < config.dims && others < budget; ++axis)
    others *= config.global[axis];
  return std::max(WarpSize,
                  budget / std::clamp<std::size_t>(others, 1, budget));
}

std::string dimensionName(const LaunchConfig &config, std::uint32_t axis) {
  static const char *const Axes[] = {"x", "y", "z"};
  return "dpex dimension " + std::to_string(config.dims - 1 - axis) +
         " (CUDA " + Axes[axis] + ")";
}

} // namespace

Expected<LaunchShape> chooseLaunchShape(const LaunchConfig &config,
                                        const GridLimits &limits,
                                        std::size_t maxThreads) {
  // The core splits the grid of an image without the range guard into
  // launches at offsets, which CUDA launches lack: such an image (every one
  // dpexc builds for CUDA has the guard) cannot run here.
  for (std::uint32_t axis = 0; axis < config.dims; ++axis)
    if (config.offset[axis] != 0)
      return Status::error(errc::unsupported_image,
                           "a CUDA launch has no global offset: an image "
                           "without the range guard cannot run a split grid");
  LaunchShape shape;
  if (config.hasLocal) {
    for (std::uint32_t axis = 0; axis < config.dims; ++axis) {
      std::size_t grid = config.global[axis] / config.local[axis];
      if (grid > limits.maxGrid[axis])
        return Status::error(errc::invalid_range,
                             "global / local range is " + std::to_string(grid) +
                                 " work-groups in " +
                                 dimensionName(config, axis) +
                                 "; the device's grid allows at most " +
                                 std::to_string(limits.maxGrid[axis]));
      shape.block[axis] = static_cast<unsigned>(config.local[axis]);
      shape.grid[axis] = static_cast<unsigned>(grid);
    }
    return shape;
  }

  std::size_t budget =
      std::max<std::size_t>(1, std::min(ThreadBudget, maxThreads));
  std::size_t threads = 1;
  for (std::uint32_t axis = 0; axis < config.dims; ++axis) {
    std::size_t extent = config.global[axis];
    std::size_t cap = std::min(budget / threads, limits.maxBlock[axis]);
    if (axis == 0)
      cap = std::min(cap, xCap(config, budget));
    std::size_t block = largestDivisorAtMost(extent, cap);
    if (extent / block > limits.maxGrid[axis]) {
      // Too many blocks: take bigger ones, up to what the kernel allows.
      std::size_t least =
          (extent + limits.maxGrid[axis] - 1) / limits.maxGrid[axis];
      std::size_t most =
          std::min(limits.maxBlock[axis],
                   std::max<std::size_t>(1, maxThreads / threads));
      block = smallestDivisorBetween(extent, least, most);
      if (block == 0)
        return Status::error(
            errc::invalid_range,
            "range extent " + std::to_string(extent) + " in " +
                dimensionName(config, axis) +
                " cannot be covered exactly by a CUDA grid: it needs a "
                "divisor between " +
                std::to_string(least) + " and " + std::to_string(most) +
                " as block size (grid limit " +
                std::to_string(limits.maxGrid[axis]) +
                "); choose an extent with such a divisor or use an "
                "nd_range");
    }
    threads *= block;
    shape.block[axis] = static_cast<unsigned>(block);
    shape.grid[axis] = static_cast<unsigned>(extent / block);
  }
  return shape;
}

} // namespace dpex::rt::cuda
