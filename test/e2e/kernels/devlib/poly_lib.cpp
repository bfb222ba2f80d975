// A device library: built with `dpexc --emit=device-lib`, linked into
// devlib_kernels.cpp with --device-lib.
#include <dpex/kernel.hpp>

#include "poly_lib.hpp"

namespace polylib {

// Horner's rule for 1 + 2x + 3x^2 + 4x^3.
DPEX_DEVICE_FUNC float poly(float x) {
  return 1.0f + x * (2.0f + x * (3.0f + x * 4.0f));
}

DPEX_DEVICE_FUNC int clamp_index(int i, int n) {
  return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

} // namespace polylib
