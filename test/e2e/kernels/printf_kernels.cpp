// dpex::printf from a kernel.
#include <dpex/kernel.hpp>

namespace e2e {

DPEX_KERNEL void print_values(dpex::item<1> it, const float *x) {
  size_t i = it.get_id(0);
  dpex::printf("item %d: %.2f %s %c %ld\n", int(i), x[i], "ok", 'a' + int(i),
               long(i) << 40);
}

} // namespace e2e
