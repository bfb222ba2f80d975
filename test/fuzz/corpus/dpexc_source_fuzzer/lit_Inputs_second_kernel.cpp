// A second source for multi-source modules.
#include <dpex/kernel.hpp>

namespace demo {
DPEX_KERNEL void fill(dpex::nd_item<2> it, int *out, int value) {
  out[it.get_global_linear_id()] = value;
}
} // namespace demo
