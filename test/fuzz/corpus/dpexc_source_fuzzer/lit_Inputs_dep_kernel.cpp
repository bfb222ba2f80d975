// A kernel that needs -I (dep_helper.h) and -D OFFSET to compile.
#include <dpex/kernel.hpp>
#include "dep_helper.h"

#ifndef OFFSET
#error "OFFSET must be defined"
#endif

namespace deps {
DPEX_KERNEL void shift(dpex::item<1> it, DepPair p, float *x) {
  x[it.get_id(0)] = p.a * DEP_FACTOR + OFFSET;
}
} // namespace deps
