// An int64_t argument for a double parameter: double holds 53 bits exactly.
#include <dpex/runtime.hpp>

#include <cstdint>

extern const dpex::kernel<void(dpex::item<1>, int, double, int *)> k;

void use(dpex::array<int> &i, std::int64_t v) {
  dpex::call_kernel(k, dpex::range<1>(4), 1, v, i);
}
