// c/twice.cpp: a stem no other source has, so its stub header is reachable
// as c/twice.dpex.hpp and as twice.dpex.hpp.
#include <dpex/kernel.hpp>

#include "poly.hpp"

namespace c {
DPEX_KERNEL void twice(dpex::item<1> it, int *y) {
  size_t i = it.get_id(0);
  y[i] = 2 * poly(y[i]) + DIR_OFFSET;
}
} // namespace c
