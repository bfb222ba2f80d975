#include <dpex/kernel.hpp>
DPEX_KERNEL void k(dpex::item<1> it, const unsigned *in, unsigned *out) {
  size_t i = it.get_id(0);
  unsigned v = in[i], r;
  switch (v & 7) {
  case 0:
    r = 5;
    break;
  case 3:
    r = v * 3;
    break;
  case 6:
    r = v ^ 9;
    break;
  default:
    r = 1;
    break;
  }
  out[i] = r;
}
