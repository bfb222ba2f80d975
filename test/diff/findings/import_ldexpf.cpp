#include <cmath>
#include <dpex/kernel.hpp>
DPEX_KERNEL void k(dpex::item<1> it, const int *in, float *out) {
  size_t i = it.get_id(0);
  out[i] = std::exp2((float)in[i]);
}
