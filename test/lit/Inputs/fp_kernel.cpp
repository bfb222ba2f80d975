// Floating point that -ffast-math relaxes: a division, a square root, an
// exponential, a multiply-add; and a class template (dpex::item) and a
// const pointer, which -g describes.
#include <dpex/kernel.hpp>

DPEX_KERNEL void fp(dpex::item<1> it, const float *x, float *y) {
  size_t i = it.get_id(0);
  float v = x[i];
  y[i] = dpex::exp(v) * 0.5f + v / y[i] + dpex::sqrt(v);
}
