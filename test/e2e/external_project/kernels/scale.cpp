#include <dpex/kernel.hpp>

#include "scale_config.hpp"

namespace consumer {
DPEX_KERNEL void scale(dpex::item<1> it, int *x) {
  x[it.get_id(0)] *= SCALE_FACTOR;
}
} // namespace consumer
