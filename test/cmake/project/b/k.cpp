// b/k.cpp: the stub header is b/k.dpex.hpp (a/k.cpp shares the stem).
#include <dpex/kernel.hpp>

#include "params.hpp"
#include "scale.hpp"

namespace b {
DPEX_KERNEL void k(dpex::item<1> it, Params p, const int *x, int *y) {
  size_t i = it.get_id(0);
  y[i] = (x[i] * p.mul + p.add) * SCALE - TARGET_MUL - DIR_OFFSET;
}
} // namespace b
