// a/k.cpp: the stub header is a/k.dpex.hpp (b/k.cpp shares the stem).
#include <dpex/kernel.hpp>

#include "poly.hpp"
#include "scale.hpp"

namespace a {
DPEX_KERNEL void k(dpex::item<1> it, const int *x, int *y) {
  size_t i = it.get_id(0);
  y[i] = poly(x[i]) * SCALE + TARGET_MUL * DIR_OFFSET + ORDER + GLOBAL_BIAS;
}
} // namespace a
