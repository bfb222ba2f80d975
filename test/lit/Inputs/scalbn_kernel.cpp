// std::scalbn of double (OpenCL ldexp).
#include <dpex/kernel.hpp>

#include <cmath>

DPEX_KERNEL void scale(dpex::item<1> it, const double *x, const int *n,
                       double *out) {
  std::size_t i = it.get_id(0);
  out[i] = std::scalbn(x[i], n[i]);
}
