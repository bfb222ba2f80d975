// PoCL (default work-group method loopvec) computes k1's o[3] wrongly, and
// differently from run to run; POCL_WORK_GROUP_METHOD=loops and Intel's
// runtime match the host. Campaign seed 40036, features default,libm,
// reduced: a private array read at a data-dependent index, then stored to
// and read again. PoCL's bug: the same kernel in OpenCL C, as a SPIR image
// from clang-15 (pocl_loopvec.cl, pocl_loopvec_host.c), fails the same way
// (README.md).
#ifndef DIFF_NS
#define DIFF_NS p40036
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

DPEX_KERNEL void k0(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k1(dpex::item<1> it, const uint64_t *in, uint64_t *out) {
  size_t i = it.get_id(0);
  const uint64_t *w = in + i * 8;
  uint64_t *o = out + i * 8;
  int16_t v0 = (int16_t)(w[0] >> 8);
  uint32_t v2 = (uint32_t)w[2];
  int16_t v5 = (int16_t)w[5];
  int16_t arr[8] = {v0, (int16_t)17368, v5, v5, v0, v0, v5, v5};
  for (uint32_t j = 0; j < 6; ++j)
    v5 = (int16_t)(uint16_t)(((uint32_t)arr[v2 & 7u] & 15u) *
                             (uint32_t)(uint16_t)((uint16_t)(2u << j) ^
                                                  (uint16_t)(0u -
                                                             (uint16_t)v5)));
  arr[6] = v5;
  o[2] = (uint64_t)(uint16_t)arr[v2 & 7u];
  o[3] = (uint64_t)(uint16_t)v5;
}

DPEX_KERNEL void k2(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k3(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

DPEX_KERNEL void k4(dpex::item<1> it, const uint64_t *in, uint64_t *out) {}

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
