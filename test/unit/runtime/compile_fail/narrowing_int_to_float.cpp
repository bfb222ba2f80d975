// An int argument for a float parameter: float holds 24 bits exactly.
#include <dpex/runtime.hpp>

#include <cstdint>

extern const dpex::kernel<void(dpex::item<1>, int, float, int *)> k;

void use(dpex::array<int> &i, int v) {
  dpex::call_kernel(k, dpex::range<1>(4), 1, v, i);
}
