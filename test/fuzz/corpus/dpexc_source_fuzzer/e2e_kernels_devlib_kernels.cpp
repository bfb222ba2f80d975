// Kernels calling device functions that only the device library defines.
#include <dpex/kernel.hpp>

#include "devlib/poly_lib.hpp"

namespace e2e {

DPEX_KERNEL void apply_poly(dpex::item<1> it, const float *in, float *out) {
  size_t i = it.get_id(0);
  out[i] = polylib::poly(in[i]);
}

// out[i] = in[i - 1] with the index clamped to the array.
DPEX_KERNEL void shift_clamped(dpex::item<1> it, const int *in, int *out) {
  int n = int(it.get_range(0));
  out[it.get_id(0)] = in[polylib::clamp_index(int(it.get_id(0)) - 1, n)];
}

} // namespace e2e
