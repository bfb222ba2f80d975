#include <algorithm>
#include <dpex/kernel.hpp>
DPEX_KERNEL void k(dpex::item<1> it, const unsigned *in, unsigned *out) {
  size_t i = it.get_id(0);
  unsigned a = in[2 * i], b = in[2 * i + 1];
  out[i] = a - std::min(a, b);
}
