// One of two identical modules: a cycle that had a build call fail retries
// with the other, since the runtime remembers a module's failed build.
#include <dpex/kernel.hpp>

namespace fault_a {
DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float *x, float *y) {
  size_t i = it.get_id(0);
  y[i] = a * x[i] + y[i];
}
} // namespace fault_a
