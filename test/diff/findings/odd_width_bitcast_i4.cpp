// At a9bb97d (odd-width legalization merged): dpexc reports
// "the optimiser formed a 4-bit integer 'bitcast', which dpex cannot
// express in SPIR-V" (status 1). Campaign seed 50017 (features all),
// kernel k3, reduced by line deletion (README.md).
#include <cmath>
#include <dpex/kernel.hpp>
#ifdef __clang__
#endif
namespace DIFF_NS {
#define DIFF_DIV(T, MIN)                                                       \
  static inline T div_##T(T a, T b) {                                          \
    return (b == 0 || (a == (T)(MIN) && b == (T)-1)) ? a : (T)(a / b);         \
  }                                                                            \
  static inline T rem_##T(T a, T b) {}
DIFF_DIV(int8_t, -128)
static inline int64_t f2i(double x) {
  return (x > -9.0e18 && x < 9.0e18) ? (int64_t)x : 0;
}
enum class Mode : uint8_t { Add, Xor, Mul, Keep };
struct S0 {
  void update(int32_t v) {}
};
struct S1 {};
static inline int32_t helper0(int32_t a0, int8_t a1, int8_t a2) { return a0; }
DPEX_KERNEL void k3(dpex::item<1> it, const uint64_t *in, uint64_t *out) {
  size_t i = it.get_id(0);
  const uint64_t *w = in + i * 8;
  uint64_t *o = out + i * 8;
  uint8_t v1 = (uint8_t)(w[1] >> 0);
  double v2 =
      (double)((double)(int32_t)((w[2] >> 27) & 0xfffff) * 0.125 - 1000.0);
  uint64_t v3 = (uint64_t)(w[3] >> 0);
  int16_t v4 = (int16_t)(w[4] >> 16);
  int8_t v5 = (int8_t)(w[5] >> 0);
  uint16_t v6 = (uint16_t)(w[6] >> 8);
  uint64_t nb = in[((i + 1) % it.get_range(0)) * 8 + 5];
  if (((std::min<double>((double)(v6), v2)) < (std::trunc(v2))) &&
      ((nb) >= ((uint64_t)(v4)))) {
    for (uint32_t j3 = 0;
         j3 <
         ((uint32_t)((uint32_t)(((uint32_t)(v4)) | ((uint32_t)f2i(v2)))) & 15u);
         ++j3) {
      switch (
          (Mode)((uint32_t)((uint32_t)(uint32_t)((uint32_t)(uint32_t)(j3) +
                                                 (uint32_t)(uint32_t)(j3))) %
                 4u)) {
      case Mode::Mul:
        nb =
            (uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                     uint64_t)(uint64_t)((uint64_t)(uint64_t)((
                                                             uint64_t)9223372036854775808ULL) -
                                                         (uint64_t)(uint64_t)(std::min<
                                                                              uint64_t>(
                                                             v3, v3)))) +
                                 (uint64_t)(uint64_t)((
                                     uint64_t)(((uint64_t)(uint64_t)((uint64_t)(uint64_t)(v3) +
                                                                     (uint64_t)(uint64_t)((
                                                                         uint64_t)(v6)))) |
                                               ((uint64_t)((v3) &
                                                           ((uint64_t)f2i(
                                                               v2)))))));
      }
    }
    {
      int8_t x4 = v5;
      int8_t w5 = (int8_t)(nb);
      v5 = div_int8_t(x4, w5);
      switch (
          (Mode)((uint32_t)((uint32_t)(helper0((int32_t)3ULL, v5, v5))) % 4u)) {
      }
    }
    switch ((uint32_t)((
                ((((int64_t)(v4)) == ((int64_t)(-5220388498143163862LL - 1))) &&
                 (((float)(v4)) > (1024.0f)))
                    ? ((uint32_t)4294967295ULL)
                    : ((uint32_t)3ULL))) &
            7u) {
    default:
      if (((int8_t)((v5) >> ((uint32_t)((uint32_t)(v3)) & 7u))) ==
          ((int8_t)((v5) & (v5)))) {
        v1 =
            (uint8_t)(((uint8_t)(uint8_t)((uint32_t)(uint8_t)((
                                              uint8_t)(uint8_t)(0u -
                                                                (uint32_t)(uint8_t)(v1))) +
                                          (uint32_t)(uint8_t)((
                                              uint8_t)(uint8_t)((uint32_t)(uint8_t)(v1)
                                                                << ((uint32_t)((
                                                                        uint32_t)(v6)) &
                                                                    7u))))) >>
                      ((uint32_t)(((((v6) != ((uint16_t)32413ULL)) ||
                                    ((v1) <= ((uint8_t)7ULL)))
                                       ? ((uint32_t)(v4))
                                       : (std::max<uint32_t>(
                                             (uint32_t)2147483647ULL,
                                             (uint32_t)2147483647ULL)))) &
                       7u));
      }
    }
    for (uint32_t j6 = 0; j6 < 5; ++j6) {
      switch ((uint32_t)((uint32_t)(uint32_t)((uint32_t)(uint32_t)(j6) *
                                              (uint32_t)(uint32_t)(j6))) &
              7u) {
        {}
      }
    }
  }
  o[0] = (uint64_t)(uint8_t)v1;
}
} // namespace DIFF_NS
