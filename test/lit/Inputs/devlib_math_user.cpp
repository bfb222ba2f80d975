// Calls device functions that only devlib_math.cpp defines.
#include <dpex/kernel.hpp>

namespace mlib {
DPEX_DEVICE_FUNC float norm2(float x, float y);
DPEX_DEVICE_FUNC void count(int *c);
} // namespace mlib

DPEX_KERNEL void norms(dpex::item<1> it, const float *x, float *out, int *n) {
  size_t i = it.get_id(0);
  out[i] = mlib::norm2(x[2 * i], x[2 * i + 1]);
  mlib::count(n);
}
