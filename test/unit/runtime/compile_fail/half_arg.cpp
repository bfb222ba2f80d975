// A float for a dpex::half parameter.
#include <dpex/runtime.hpp>

extern const dpex::kernel<void(dpex::item<1>, dpex::half, dpex::half *)>
    scale_half;

void use(dpex::array<dpex::half> &y) {
  dpex::call_kernel(scale_half, dpex::range<1>(4), 1.5f, y);
}
