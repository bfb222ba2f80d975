#include <dpex/kernel.hpp>

DPEX_KERNEL void min_max(dpex::item<1> it, const float *x, const float *y,
                         float *out) {
  size_t i = it.get_id(0);
  out[2 * i] = dpex::fmin(x[i], y[i]);
  out[2 * i + 1] = dpex::fmax(x[i], y[i]);
}
