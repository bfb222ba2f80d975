// A 128-bit integer argument (an integer type in GNU mode) for a long
// parameter: wider than any the range check compares.
#include <dpex/runtime.hpp>

extern const dpex::kernel<void(dpex::item<1>, long, int *)> k;

void use(dpex::array<int> &i, __int128 v) {
  dpex::call_kernel(k, dpex::range<1>(4), v, i);
}
