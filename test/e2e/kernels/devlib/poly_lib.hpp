// The interface of poly_lib.cpp: declarations only, as a kernel source that
// links the library sees them.
#pragma once

#include <dpex/kernel.hpp>

namespace polylib {
DPEX_DEVICE_FUNC float poly(float x);
DPEX_DEVICE_FUNC int clamp_index(int i, int n);
} // namespace polylib
