// dpex::printf, a variadic template: its arguments are a parameter pack.
#include <dpex/kernel.hpp>

DPEX_KERNEL void show(dpex::item<1> it, const float *x) {
  size_t i = it.get_id(0);
  dpex::printf("x[%d] = %f\n", int(i), x[i]);
}
