#include <dpex/kernel.hpp>
DPEX_KERNEL void k(dpex::item<1> it, const unsigned *in, unsigned short *out) {
  size_t i = it.get_id(0);
  unsigned short v = (unsigned short)in[2 * i];
  for (unsigned j = 0; j < (in[2 * i + 1] & 15u); ++j)
    v = (unsigned short)(v | (unsigned short)j);
  out[i] = v;
}
