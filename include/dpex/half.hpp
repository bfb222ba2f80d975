// dpex::half: IEEE 754 binary16, the same type in kernels and on the host.
//
// Stored as its 16 bits; arithmetic converts to float, computes there and
// rounds back to half (to nearest, ties to even). For +, -, *, / and sqrt
// that double rounding is harmless: float's 24-bit significand is at least
// 2 * 11 + 2 bits, so where the float operation is correctly rounded the
// result is the correctly rounded half one, what native half hardware gives.
// The conversions are integer code, so the host and every device convert bit
// for bit alike (docs/kernel-language.md, "Half precision").
#pragma once

#include <limits>
#include <stdint.h>

namespace dpex {

namespace detail {

// Rounds the binary value with bit pattern `__u` (an IEEE format of
// `_MantBits` fraction bits and `_ExpBits` exponent bits) to the nearest
// binary16, ties to even: NaN stays a (quiet) NaN, too large a magnitude
// becomes infinity, too small ones become subnormals or zero.
template <typename _UInt, int _MantBits, int _ExpBits>
constexpr uint16_t round_to_half(_UInt __u) {
  constexpr int __bias = (1 << (_ExpBits - 1)) - 1;
  constexpr _UInt __exp_max = (_UInt(1) << _ExpBits) - 1;
  const uint16_t __sign =
      uint16_t((__u >> (_MantBits + _ExpBits - 15)) & 0x8000u);
  const _UInt __exp = (__u >> _MantBits) & __exp_max;
  const _UInt __frac = __u & ((_UInt(1) << _MantBits) - 1);
  if (__exp == __exp_max)
    return __frac ? uint16_t(__sign | 0x7e00u | (__frac >> (_MantBits - 10)))
                  : uint16_t(__sign | 0x7c00u);
  // The unbiased exponent; a zero or a subnormal of the source format is
  // far below half's smallest subnormal and rounds to a signed zero.
  if (__exp == 0)
    return __sign;
  const int __e = int(__exp) - __bias;
  if (__e > 15)
    return uint16_t(__sign | 0x7c00u);
  // The significand with its leading one, in units of the result's last
  // place: 2^-10 of the exponent for normals, 2^-24 for subnormals.
  const _UInt __sig = __frac | (_UInt(1) << _MantBits);
  const int __shift = __e >= -14 ? _MantBits - 10 : _MantBits - 10 - 14 - __e;
  if (__shift > _MantBits + 1)
    return __sign;
  _UInt __q = __sig >> __shift;
  const _UInt __rem = __sig & ((_UInt(1) << __shift) - 1);
  const _UInt __halfway = _UInt(1) << (__shift - 1);
  if (__rem > __halfway || (__rem == __halfway && (__q & 1)))
    ++__q;
  // Adding the significand (leading one included) to the exponent field
  // less one lets a carry out of the fraction raise the exponent, up to
  // infinity; a subnormal that rounds up to 2^-14 becomes the smallest
  // normal the same way.
  const _UInt __base = __e >= -14 ? _UInt(__e + 15 - 1) << 10 : 0;
  return uint16_t(__sign | (__base + __q));
}

// The exact float value of the binary16 bit pattern `__h`.
constexpr float half_to_float(uint16_t __h) {
  const uint32_t __sign = uint32_t(__h & 0x8000u) << 16;
  const uint32_t __exp = (__h >> 10) & 0x1fu;
  const uint32_t __frac = __h & 0x3ffu;
  if (__exp == 0) {
    // Subnormal or zero: frac * 2^-24, exact in float.
    const float __mag = float(__frac) * 0x1p-24f;
    return __sign ? -__mag : __mag;
  }
  const uint32_t __bits = __exp == 0x1f
                              ? __sign | 0x7f800000u | (__frac << 13)
                              : __sign | ((__exp + 112) << 23) | (__frac << 13);
  return __builtin_bit_cast(float, __bits);
}

constexpr uint16_t float_to_half(float __f) {
  return round_to_half<uint32_t, 23, 8>(__builtin_bit_cast(uint32_t, __f));
}

constexpr uint16_t double_to_half(double __d) {
  return round_to_half<uint64_t, 52, 11>(__builtin_bit_cast(uint64_t, __d));
}

} // namespace detail

class half;

namespace detail {

// The few traits half needs, here rather than from <type_traits>, whose
// parse would add a third to every kernel's front-end time.
template <typename _Res, typename _Cmp, bool _Int> struct half_operand_is {
  using result = _Res;  // what half op T gives
  using compare = _Cmp; // what half == T compares in
  static constexpr bool integral = _Int;
};
// Defined for the arithmetic types only: for any other T the mixed
// operators and the integer constructor do not exist.
template <typename _Tp> struct half_operand {};
template <> struct half_operand<float> : half_operand_is<float, float, 0> {};
template <> struct half_operand<double> : half_operand_is<double, double, 0> {};
template <>
struct half_operand<long double>
    : half_operand_is<long double, long double, 0> {};
#define DPEX_HALF_INTEGER(T)                                                   \
  template <> struct half_operand<T> : half_operand_is<half, float, 1> {};
DPEX_HALF_INTEGER(bool)
DPEX_HALF_INTEGER(char)
DPEX_HALF_INTEGER(signed char)
DPEX_HALF_INTEGER(unsigned char)
DPEX_HALF_INTEGER(wchar_t)
DPEX_HALF_INTEGER(char16_t)
DPEX_HALF_INTEGER(char32_t)
DPEX_HALF_INTEGER(short)
DPEX_HALF_INTEGER(unsigned short)
DPEX_HALF_INTEGER(int)
DPEX_HALF_INTEGER(unsigned int)
DPEX_HALF_INTEGER(long)
DPEX_HALF_INTEGER(unsigned long)
DPEX_HALF_INTEGER(long long)
DPEX_HALF_INTEGER(unsigned long long)
#if defined(__cpp_char8_t)
DPEX_HALF_INTEGER(char8_t)
#endif
#undef DPEX_HALF_INTEGER

template <bool, typename _Tp = void> struct half_enable_if {};
template <typename _Tp> struct half_enable_if<true, _Tp> {
  using type = _Tp;
};

} // namespace detail

class half {
public:
  half() = default;
  constexpr half(float __f) : __bits(detail::float_to_half(__f)) {}
  // Directly from double: through float would round twice.
  constexpr half(double __d) : __bits(detail::double_to_half(__d)) {}
  // Integers through float: every integer that does not overflow half
  // (|i| < 65520) is exact in float.
  template <typename _Int, typename = typename detail::half_enable_if<
                               detail::half_operand<_Int>::integral>::type>
  constexpr half(_Int __i) : half(float(__i)) {}

  constexpr operator float() const { return detail::half_to_float(__bits); }

  static constexpr half from_bits(uint16_t __b) { return half(__raw{}, __b); }
  constexpr uint16_t bits() const { return __bits; }

  constexpr half operator-() const { return from_bits(__bits ^ 0x8000u); }
  constexpr half operator+() const { return *this; }

  // Operators on half inside this header are called by name: an operator
  // expression with a class operand makes clang weigh every built-in
  // arithmetic candidate, which cost each kernel's parse more than the rest of
  // half did. The calls resolve to the same functions.
#define DPEX_HALF_ASSIGN(OP)                                                   \
  constexpr half &operator OP##=(half __o) {                                   \
    operator=(half(float(*this) OP float(__o)));                               \
    return *this;                                                              \
  }
  DPEX_HALF_ASSIGN(+)
  DPEX_HALF_ASSIGN(-)
  DPEX_HALF_ASSIGN(*)
  DPEX_HALF_ASSIGN(/)
#undef DPEX_HALF_ASSIGN
  constexpr half &operator++() { return operator+=(half(1.0f)); }
  constexpr half &operator--() { return operator-=(half(1.0f)); }
  constexpr half operator++(int) {
    half __old = *this;
    operator++();
    return __old;
  }
  constexpr half operator--(int) {
    half __old = *this;
    operator--();
    return __old;
  }

private:
  struct __raw {};
  constexpr half(__raw, uint16_t __b) : __bits(__b) {}
  uint16_t __bits;
};

static_assert(sizeof(half) == 2 && alignof(half) == 2 &&
                  __is_trivially_copyable(half),
              "dpex::half is two bytes, passed and stored as they are");

// Arithmetic on half and an arithmetic value: half with half or an integer
// gives half; with float or double, that type (as in C with _Float16).
// Templates, so that an exact match beats the built-in operators that the
// conversion to float would otherwise make ambiguous.
#define DPEX_HALF_ARITH(OP)                                                    \
  constexpr half operator OP(half __a, half __b) {                             \
    return half(float(__a) OP float(__b));                                     \
  }                                                                            \
  template <typename _Tp>                                                      \
  constexpr typename detail::half_operand<_Tp>::result operator OP(half __a,   \
                                                                   _Tp __b) {  \
    using _Rp = typename detail::half_operand<_Tp>::result;                    \
    if constexpr (detail::half_operand<_Tp>::integral)                         \
      return operator OP(__a, half(__b));                                      \
    else                                                                       \
      return _Rp(float(__a)) OP _Rp(__b);                                      \
  }                                                                            \
  template <typename _Tp>                                                      \
  constexpr typename detail::half_operand<_Tp>::result operator OP(_Tp __a,    \
                                                                   half __b) { \
    using _Rp = typename detail::half_operand<_Tp>::result;                    \
    if constexpr (detail::half_operand<_Tp>::integral)                         \
      return operator OP(half(__a), __b);                                      \
    else                                                                       \
      return _Rp(__a) OP _Rp(float(__b));                                      \
  }
DPEX_HALF_ARITH(+)
DPEX_HALF_ARITH(-)
DPEX_HALF_ARITH(*)
DPEX_HALF_ARITH(/)
#undef DPEX_HALF_ARITH

// Comparisons as IEEE: NaN is unordered, -0 equals +0.
#define DPEX_HALF_COMPARE(OP)                                                  \
  constexpr bool operator OP(half __a, half __b) {                             \
    return float(__a) OP float(__b);                                           \
  }                                                                            \
  template <typename _Tp,                                                      \
            typename _Cp = typename detail::half_operand<_Tp>::compare>        \
  constexpr bool operator OP(half __a, _Tp __b) {                              \
    return _Cp(float(__a)) OP _Cp(__b);                                        \
  }                                                                            \
  template <typename _Tp,                                                      \
            typename _Cp = typename detail::half_operand<_Tp>::compare>        \
  constexpr bool operator OP(_Tp __a, half __b) {                              \
    return _Cp(__a) OP _Cp(float(__b));                                        \
  }
DPEX_HALF_COMPARE(==)
DPEX_HALF_COMPARE(!=)
DPEX_HALF_COMPARE(<)
DPEX_HALF_COMPARE(<=)
DPEX_HALF_COMPARE(>)
DPEX_HALF_COMPARE(>=)
#undef DPEX_HALF_COMPARE

} // namespace dpex

template <> class std::numeric_limits<dpex::half> {
public:
  static constexpr bool is_specialized = true;
  static constexpr bool is_signed = true;
  static constexpr bool is_integer = false;
  static constexpr bool is_exact = false;
  static constexpr bool has_infinity = true;
  static constexpr bool has_quiet_NaN = true;
  static constexpr bool has_signaling_NaN = true;
  static constexpr float_denorm_style has_denorm = denorm_present;
  static constexpr bool has_denorm_loss = false;
  static constexpr float_round_style round_style = round_to_nearest;
  static constexpr bool is_iec559 = true;
  static constexpr bool is_bounded = true;
  static constexpr bool is_modulo = false;
  static constexpr int digits = 11;
  static constexpr int digits10 = 3;
  static constexpr int max_digits10 = 5;
  static constexpr int radix = 2;
  static constexpr int min_exponent = -13;
  static constexpr int min_exponent10 = -4;
  static constexpr int max_exponent = 16;
  static constexpr int max_exponent10 = 4;
  static constexpr bool traps = false;
  static constexpr bool tinyness_before = false;

  static constexpr dpex::half min() { return dpex::half::from_bits(0x0400); }
  static constexpr dpex::half lowest() { return dpex::half::from_bits(0xfbff); }
  static constexpr dpex::half max() { return dpex::half::from_bits(0x7bff); }
  static constexpr dpex::half epsilon() {
    return dpex::half::from_bits(0x1400);
  }
  static constexpr dpex::half round_error() {
    return dpex::half::from_bits(0x3800);
  }
  static constexpr dpex::half infinity() {
    return dpex::half::from_bits(0x7c00);
  }
  static constexpr dpex::half quiet_NaN() {
    return dpex::half::from_bits(0x7e00);
  }
  static constexpr dpex::half signaling_NaN() {
    return dpex::half::from_bits(0x7d00);
  }
  static constexpr dpex::half denorm_min() {
    return dpex::half::from_bits(0x0001);
  }
};
