// A float argument for an int parameter loses its fraction.
#include <dpex/runtime.hpp>

#include <cstdint>

extern const dpex::kernel<void(dpex::item<1>, int, int, int *)> k;

void use(dpex::array<int> &i, float v) {
  dpex::call_kernel(k, dpex::range<1>(4), 1, v, i);
}
