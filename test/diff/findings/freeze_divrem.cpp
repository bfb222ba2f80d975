#include <dpex/kernel.hpp>
static inline int div_i(int a, int b) {
  return (b == 0 || (a == INT32_MIN && b == -1)) ? a : a / b;
}
static inline int rem_i(int a, int b) {
  return (b == 0 || (a == INT32_MIN && b == -1)) ? 0 : a % b;
}
DPEX_KERNEL void k(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  int x = in[2 * i], w = in[2 * i + 1];
  out[2 * i] = div_i(x, w);
  out[2 * i + 1] = rem_i(x, w);
}
