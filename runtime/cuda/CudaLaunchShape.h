// Grid and block dimensions for one cuLaunchKernel.
#pragma once

#include "core/Backend.h"

#include <cstddef>

namespace dpex::rt::cuda {

struct GridLimits {
  std::size_t maxBlock[3] = {1, 1, 1}; // x, y, z
  std::size_t maxGrid[3] = {1, 1, 1};
};

struct LaunchShape {
  unsigned grid[3] = {1, 1, 1}; // x, y, z
  unsigned block[3] = {1, 1, 1};
};

// nd_range launches: block = local range, grid = global / local.
//
// range launches: the kernel does not bounds-check, so the grid must cover
// the range exactly; each block extent is therefore a divisor of the global
// extent: the largest one within a thread budget of 256, x first (rows of at
// least a warp, so that a warp reads contiguous memory; all of the budget
// when the other dimensions are 1), or a larger one where the grid would
// otherwise exceed the device's grid limit. `maxThreads` is the kernel's limit
// of threads per block.
//
// `config` is in backend order (index 0 is x). errc::invalid_range if no
// shape fits the device's limits; errc::unsupported_image for a global
// offset, which CUDA launches lack.
Expected<LaunchShape> chooseLaunchShape(const LaunchConfig &config,
                                        const GridLimits &limits,
                                        std::size_t maxThreads);

} // namespace dpex::rt::cuda
