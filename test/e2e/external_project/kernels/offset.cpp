#include <dpex/kernel.hpp>

#include "offset_config.hpp"

namespace consumer {
DPEX_KERNEL void offset(dpex::item<1> it, int *x) {
  x[it.get_id(0)] += OFFSET_VALUE;
}
} // namespace consumer
