// Intel's OpenCL CPU runtime dies with SIGILL running this kernel
// (README.md): dpexc intel_cpu_sigill.cpp -o k --emit=spirv;
// cc intel_cpu_sigill_host.c -lOpenCL -o run && ./run k.spv \
//   _ZN6p100002k5EN4dpex4itemILi1EEEPKmPm
// Reduced by line deletion from campaign seed 10000's kernel k5.
#ifndef DIFF_NS
#define DIFF_NS p10000
#endif
#include <algorithm>
#include <dpex/kernel.hpp>
#ifdef __clang__
#endif
namespace DIFF_NS {
static inline int64_t f2i(double x) {}
static inline uint64_t bits_d(double x) {
  return __builtin_bit_cast(uint64_t, x);
}

struct S0 {};

struct S1 {
  uint8_t a;
  uint8_t mix() const { return a; }
  void update(uint8_t v) {}
};

static inline int8_t helper1(uint32_t a0, int8_t a1, int8_t a2) {
  return (
      int8_t)(uint8_t)((uint32_t)(uint8_t)((
                           int8_t)(uint8_t)((uint32_t)(uint8_t)(a1) -
                                            (uint32_t)(uint8_t)(a1))) -
                       (uint32_t)(uint8_t)((int8_t)((a1) ^ ((int8_t)0ULL))));
}

static inline int8_t helper2(int16_t a0, int32_t a1, uint32_t a2) {
  return (int8_t)(uint8_t)((uint32_t)(uint8_t)((int8_t)(((int8_t)(a0)) ^
                                                        ((int8_t)(a1))))
                           << ((uint32_t)(std::max<uint32_t>(a2, a2)) & 7u));
}
DPEX_KERNEL void k5(dpex::item<1> it, const uint64_t *in, uint64_t *out) {
  size_t i = it.get_id(0);
  const uint64_t *w = in + i * 8;
  uint64_t *o = out + i * 8;
  int8_t v0 = (int8_t)(w[0] >> 0);
  uint32_t v1 = (uint32_t)(w[1] >> 0);
  uint32_t v2 = (uint32_t)(w[2] >> 32);
  uint64_t v3 = (uint64_t)(w[3] >> 16);
  uint64_t v4 = (uint64_t)(w[4] >> 32);
  uint64_t v5 = (uint64_t)(w[5] >> 8);
  uint64_t nb = in[((i + 1) % it.get_range(0)) * 8 + 0];
  int32_t arr[8] = {(int32_t)(-1868911272), (int32_t)(-1607363999),
                    (int32_t)(v3),          (int32_t)(-92253547),
                    (int32_t)(-2049099253), (int32_t)2ULL,
                    (int32_t)(v5),          (int32_t)(nb)};
  if (((uint8_t)(((uint8_t)128ULL) ^ ((uint8_t)16ULL))) < ((uint8_t)91ULL)) {
    if ((std::min<float>((float)(v5), 0.0f)) <=
        (dpex::fma((float)(nb), (float)(v3), (float)(nb)))) {
    }
  } else {
    nb = (uint64_t)(uint64_t)((uint64_t)(uint64_t)(v3) -
                              (uint64_t)(uint64_t)((uint64_t)4ULL));
  }
  for (uint32_t j5 = 0;
       j5 < ((uint32_t)((uint32_t)(helper1(v1, (int8_t)(nb), v0))) & 15u);
       ++j5) {
    for (uint32_t j6 = 0;
         j6 < ((uint32_t)((uint32_t)(helper2((int16_t)8509ULL,
                                             (int32_t)468663134ULL, j5))) &
               15u);
         ++j6) {
      if ((((double)(nb)) < ((double)(v5))) ||
          (((double)(v5)) <= ((double)(v4)))) {
        arr[0] = (int32_t)(uint32_t)((uint32_t)(uint32_t)((
                                         (((uint8_t)(v1)) == ((uint8_t)(j6)))
                                             ? ((int32_t)(v2))
                                             : ((int32_t)5ULL))) -
                                     (uint32_t)(uint32_t)((
                                         int32_t)(((int32_t)(v4)) >>
                                                  ((uint32_t)(v1)&31u))));
        v3 =
            (uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                     uint64_t)(uint64_t)((uint64_t)(uint64_t)(v5) +
                                                         (uint64_t)(uint64_t)(v3))) -
                                 (uint64_t)(uint64_t)((
                                     uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                                             uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                                                                     uint64_t)5ULL)
                                                                                 << ((uint32_t)(j5)&63u)))
                                                         << ((uint32_t)(j6)&63u))));
        v5 = (uint64_t)(((uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                                  uint64_t)(arr[(
                                                  uint32_t)(j6)&7u])) +
                                              (uint64_t)(uint64_t)((
                                                  uint64_t)((v5) ^ (nb))))) ^
                        (nb));
        nb =
            (uint64_t)(((uint64_t)(uint64_t)(0u - (uint64_t)(uint64_t)((
                                                      uint64_t)(arr[(
                                                      uint32_t)(j6)&7u])))) |
                       (std::min<uint64_t>(
                           ((((v3) != (nb)) &&
                             ((((int8_t)(v0)) == (v0)) &&
                              (((int16_t)0ULL) >= ((int16_t)(v3)))))
                                ? (v5)
                                : (v5)),
                           (uint64_t)(uint64_t)((uint64_t)(uint64_t)(v4)
                                                << ((uint32_t)((uint32_t)2ULL) &
                                                    63u)))));
      }
    }
  }
  v0 = v0;
  if (((int32_t)(uint32_t)((uint32_t)(uint32_t)((int32_t)(v1)) *
                           (uint32_t)(uint32_t)((int32_t)1992175443ULL))) <
      ((int32_t)811360487ULL)) {
    for (uint32_t j8 = 0; j8 < 4; ++j8) {
      nb = std::min<uint64_t>(
          nb, (uint64_t)(((uint64_t)(uint64_t) ~(uint64_t)(uint64_t)(v5)) ^
                         ((uint64_t)(uint64_t)((uint64_t)(uint64_t)(v3) *
                                               (uint64_t)(uint64_t)(nb)))));
      for (uint32_t j10 = 0;
           j10 < ((uint32_t)(((((uint16_t)(v3)) <= ((uint16_t)33074ULL))
                                  ? ((uint32_t)9ULL)
                                  : (v2))) &
                  15u);
           ++j10) {
        nb = (uint64_t)((std::max<uint64_t>(
                            (uint64_t)(uint64_t)((uint64_t)(uint64_t)(v4) *
                                                 (uint64_t)(uint64_t)(nb)),
                            (uint64_t)(uint64_t)((uint64_t)(uint64_t)(v3)
                                                 << ((uint32_t)(j10)&63u)))) ^
                        (v4));
        v0 = v0;
      }
    }
    if (((int64_t)(uint64_t)((uint64_t)(uint64_t)((int64_t)(nb)) *
                             (uint64_t)(uint64_t)((int64_t)(v4)))) >=
        ((int64_t)(((int64_t)(v0)) & ((int64_t)(v3))))) {
      v5 =
          (uint64_t)(uint64_t)(0u -
                               (uint64_t)(uint64_t)((
                                   uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                                           uint64_t)(uint64_t)((uint64_t)(uint64_t)(v3)
                                                                               << ((uint32_t)(v2)&63u))) -
                                                       (uint64_t)(uint64_t)((
                                                           uint64_t)(uint64_t)((uint64_t)(uint64_t)(v4) -
                                                                               (uint64_t)(uint64_t)(v4))))));
    }
  }
  o[0] = bits_d(
      dpex::sqrt((double)(dpex::fabs((double)((0.0) - ((double)(v3)))))));
  o[7] = (uint64_t)(uint64_t)nb;
}

} // namespace DIFF_NS
