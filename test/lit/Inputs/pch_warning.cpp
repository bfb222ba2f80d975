// A kernel with a -Wall warning (driver/kernel_header_pch.test).
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  int unused = 0;
  x[it.get_id(0)] *= 2.0f;
}
