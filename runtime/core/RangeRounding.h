// The grid an item launch runs on. Drivers cover a range<N> launch exactly
// with work-groups that divide its extents, so a prime extent runs one
// work-item per group, an order of magnitude slower than a power of two.
// An item kernel's entry returns at once for a work-item outside the user's
// range (dpexc's KernelABILowering), so the grid can be rounded up instead.
#pragma once

#include "Backend.h"

namespace dpex::rt {

// Rounds `config.global` (backend order) up so that work-groups of about
// `granule` work-items fit it, spending at most about 1/8 more work-items
// than the range has in any dimension.
void roundItemGrid(LaunchConfig &config, std::size_t granule);

} // namespace dpex::rt
