#include <dpex/kernel.hpp>

namespace demo {

DPEX_DEVICE_FUNC float axpy1(float a, float x, float y) { return a * x + y; }

DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float *x, float *y) {
  size_t i = it.get_id(0);
  y[i] = axpy1(a, x[i], y[i]);
}

} // namespace demo
