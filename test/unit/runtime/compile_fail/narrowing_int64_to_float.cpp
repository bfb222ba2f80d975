// An int64_t argument for a float parameter.
#include <dpex/runtime.hpp>

#include <cstdint>

extern const dpex::kernel<void(dpex::item<1>, int, float, int *)> k;

void use(dpex::array<int> &i, std::int64_t v) {
  dpex::call_kernel(k, dpex::range<1>(4), 1, v, i);
}
