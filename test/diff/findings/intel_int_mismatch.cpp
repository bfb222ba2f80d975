// Intel's CPU runtime: k4's o[1], a uint64_t, differs from the host and
// PoCL, with the -O0 and the -O2 image. Campaign seed 50139 (features all)
// at a9bb97d, reduced to the loop that differs: its last iteration reads
// arr[2 * (n - 1) & 7], Intel's optimiser returns arr[2 * n & 7], one
// iteration past the end (README.md; the same loop in OpenCL C, built from
// source by Intel's runtime, in intel_loop_index_host.c).
#ifndef DIFF_NS
#define DIFF_NS p50139
#endif
#include <cmath>
#include <dpex/kernel.hpp>

#include <algorithm>

// Strict IEEE arithmetic: no contraction into fused multiply-adds, which
// the host reference would not do.
#ifdef __clang__
#pragma clang fp contract(off)
#endif

namespace DIFF_NS {

// Guarded division: a divisor of 0, or MIN / -1, gives the dividend.
#define DIFF_DIV(T, MIN)                                                       \
  static inline T div_##T(T a, T b) {                                          \
    return (b == 0 || (a == (T)(MIN) && b == (T)-1)) ? a : (T)(a / b);         \
  }                                                                            \
  static inline T rem_##T(T a, T b) {                                          \
    return (b == 0 || (a == (T)(MIN) && b == (T)-1)) ? (T)0 : (T)(a % b);      \
  }
DIFF_DIV(uint32_t, 0)
#undef DIFF_DIV

DPEX_KERNEL void k0(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k1(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k2(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k3(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k4(dpex::item<1> it, const uint64_t *in, uint64_t *out) {
  size_t i = it.get_id(0);
  const uint64_t *w = in + i * 8;
  uint64_t *o = out + i * 8;
  for (int k = 0; k < 8; ++k)
    o[k] = 0;
  uint8_t arr[8];
  for (int q = 0; q < 8; ++q)
    arr[q] = (uint8_t)(w[1] >> (8 * q));
  uint8_t v0 = (uint8_t)(w[0] >> 32);
  uint64_t nb = w[4];
  for (uint32_t j20 = 0;
       j20 <
       ((uint32_t)(rem_uint32_t((uint32_t)3710841188ULL, (uint32_t)(v0))) &
        15u);
       ++j20)
    nb = (uint64_t)(arr[(j20 + (j20 | j20)) & 7u]);
  o[1] = nb;
}

DPEX_KERNEL void k5(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

#ifdef DIFF_HOST_REF
// The host reference: every kernel over items 0..n-1.
void run_ref(int k, size_t n, const uint64_t *in, uint64_t *out) {
  for (size_t i = 0; i < n; ++i) {
    dpex::item<1> it(i, n);
    switch (k) {
    case 0:
      k0(it, in, out);
      break;
    case 1:
      k1(it, in, out);
      break;
    case 2:
      k2(it, in, out);
      break;
    case 3:
      k3(it, in, out);
      break;
    case 4:
      k4(it, in, out);
      break;
    case 5:
      k5(it, in, out);
      break;
    }
  }
}
#endif

} // namespace DIFF_NS
