// The grid an item launch runs on. Drivers cover a range<N> launch exactly
// with work-groups that divide its extents, so a prime extent runs one
// work-item per group, an order of magnitude slower than a power of two.
// An item kernel's entry returns at once for a work-item outside the user's
// range (dpexc's KernelABILowering), so the grid can be rounded up instead.
// An image says whether it has that guard (device_image::range_guard):
// dpexc folds it out of the spir image (PoCL vectorizes the unguarded body
// much better), whose grid is split instead, into a bulk of whole
// work-groups and a tail.
#pragma once

#include "Backend.h"

#include <optional>

namespace dpex::rt {

// Rounds `config.global` (backend order) up so that work-groups of about
// `limits.rangeGranule` work-items fit it, spending at most about 1/8 more
// work-items than the range has in any dimension, and never past the
// device's limits on a launch's extents (a dimension rounding would take
// past them stays exact; so does the whole grid if its total would).
void roundItemGrid(LaunchConfig &config, const DeviceLimits &limits);

// An exact grid in two launches: `bulk` covers the largest multiple of
// `granule` work-items along the fastest dimension, in work-groups of
// granule x 1 x 1; `tail` covers the rest of that dimension, offset past the
// bulk, in one work-group along it. Nothing where the driver's own choice
// of work-groups is already good: the fastest extent is a multiple of
// `granule`, or smaller than it.
struct SplitGrid {
  LaunchConfig bulk;
  LaunchConfig tail;
};
std::optional<SplitGrid> splitItemGrid(const LaunchConfig &config,
                                       std::size_t granule);

} // namespace dpex::rt
