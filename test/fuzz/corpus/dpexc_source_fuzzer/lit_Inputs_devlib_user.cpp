// Calls a device function that only a --device-lib defines.
#include <dpex/kernel.hpp>

namespace lib {
float cube(float v);
}

DPEX_KERNEL void cubes(dpex::item<1> it, float *x) {
  x[it.get_id(0)] = lib::cube(x[it.get_id(0)]);
}
