#include <dpex/kernel.hpp>

DPEX_KERNEL void vexp(dpex::item<1> it, const float *x, float *y) {
  y[it[0]] = dpex::exp(x[it[0]]);
}
