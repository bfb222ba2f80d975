// Divides once through devlib_exact_div.cpp's function and once itself.
#include <dpex/kernel.hpp>

namespace xlib {
DPEX_DEVICE_FUNC float ratio(float x, float y);
} // namespace xlib

DPEX_KERNEL void ratios(dpex::item<1> it, const float *x, const float *y,
                        float *lib, float *own) {
  size_t i = it.get_id(0);
  lib[i] = xlib::ratio(x[i], y[i]);
  own[i] = y[i] / x[i];
}
