#include <dpex/kernel.hpp>

DPEX_KERNEL void scale_half(dpex::item<1> it, dpex::half s,
                            const dpex::half *x, dpex::half *y) {
  size_t i = it.get_id(0);
  y[i] = x[i] / s + dpex::sqrt(x[i]);
}
