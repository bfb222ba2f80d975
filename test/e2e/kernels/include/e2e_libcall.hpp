// Shared by libcall_kernels.cpp and LibCallKernelsTest.cpp: each kernel's
// per-item work, compiled by dpexc for the device and by the host compiler
// for the reference. All of it reaches the device module as C library calls
// or LLVM intrinsics that code generation creates (complex arithmetic's
// __muldc3/__divdc3, <cmath> outside the dpex:: set, saturating and
// overflow-checked arithmetic, memmove, memcmp, byte swaps, rotates, bit
// reversal, bit counts).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <math.h>

namespace e2e::libcall {

// <cmath> functions, std:: spellings; `a` in [-3, 3], `b` in [0.5, 2].
constexpr std::size_t cmath_count = 30;
template <typename T> inline void cmath_ops(T a, T b, T *r) {
  int e = 0, q = 0;
  T whole = 0;
  r[0] = std::asinh(a);
  r[1] = std::acosh(1 + std::abs(a));
  r[2] = std::atanh(a / 4);
  r[3] = std::lgamma(b + a / 4);
  r[4] = std::tgamma(b);
  r[5] = std::ldexp(a, int(b * 7) - 5);
  r[6] = std::frexp(a, &e);
  r[7] = T(e);
  r[8] = std::modf(a * 3, &whole);
  r[9] = whole;
  r[10] = std::remainder(a * 5, b);
  r[11] = std::nextafter(a, b);
  r[12] = std::fdim(a, b);
  r[13] = std::logb(a * 100);
  r[14] = T(std::ilogb(a * 100));
  r[15] = std::cbrt(a);
  r[16] = std::erf(a);
  r[17] = std::copysign(b, a);
  r[18] = std::scalbn(a, 3);
  r[19] = std::remquo(a * 5, b, &q);
  // C promises the quotient's sign and 3 low bits: q % 8.
  r[20] = T(q % 8);
  r[21] = T(q % 8 < 0);
  r[22] = std::nearbyint(a * 10);
  r[23] = std::rint(a * 10);
  r[24] = T(std::lrint(a * 10));
  r[25] = T(std::lround(a * 10));
  r[26] = T(std::llround(a * 10));
  r[27] = std::trunc(a * 10);
  r[28] = std::expm1(a);
  r[29] = std::log1p(b);
}

// The C spellings of the float versions.
constexpr std::size_t libmf_count = 14;
inline void libmf_ops(float a, float b, float *r) {
  int e = 0;
  float whole = 0;
  r[0] = asinhf(a);
  r[1] = acoshf(1 + fabsf(a));
  r[2] = atanhf(a / 4);
  r[3] = lgammaf(b + a / 4);
  r[4] = tgammaf(b);
  r[5] = ldexpf(a, 3);
  r[6] = frexpf(a, &e);
  r[7] = float(e);
  r[8] = modff(a * 3, &whole);
  r[9] = whole;
  r[10] = remainderf(a * 5, b);
  r[11] = nextafterf(a, b);
  r[12] = fdimf(a, b);
  r[13] = float(ilogbf(a * 100)) + logbf(a * 7);
}

// std::complex multiplication and division (C99 Annex G: a product or
// quotient with an infinite operand is infinite even where the textbook
// formula gives NaN).
template <typename T>
inline void complex_ops(const T *x, const T *y, T *product, T *quotient) {
  std::complex<T> a(x[0], x[1]), b(y[0], y[1]);
  std::complex<T> p = a * b, q = a / b;
  product[0] = p.real();
  product[1] = p.imag();
  quotient[0] = q.real();
  quotient[1] = q.imag();
}

// std::complex's functions, which libstdc++ writes in C++ over <cmath> for
// the device (not the C library's cabs, cexp, casin, ..., which no device
// has; the host calls those).
constexpr std::size_t complex_function_count = 16;
template <typename T>
inline void complex_functions(const T *x, T *out /* 2 per function */) {
  std::complex<T> a(x[0], x[1]);
  const std::complex<T> r[complex_function_count] = {
      std::complex<T>(std::abs(a), std::arg(a)),
      std::complex<T>(std::norm(a), std::abs(std::conj(a))),
      std::exp(a),
      std::log(a),
      std::sqrt(a),
      std::pow(a, T(2.5)),
      std::sin(a),
      std::cosh(a),
      std::tanh(a),
      std::polar(std::abs(a), std::arg(a)),
      std::asin(a),
      std::acos(a),
      std::atan(a),
      std::asinh(a),
      std::acosh(a),
      std::atanh(a)};
  for (std::size_t f = 0; f < complex_function_count; ++f) {
    out[2 * f] = r[f].real();
    out[2 * f + 1] = r[f].imag();
  }
}

// llvm.bitreverse on the device (dpexc is Clang); a loop on other hosts.
inline std::uint32_t reverse_bits(std::uint32_t x) {
#if defined(__clang__)
  return __builtin_bitreverse32(x);
#else
  std::uint32_t r = 0;
  for (int b = 0; b < 32; ++b)
    r |= ((x >> b) & 1u) << (31 - b);
  return r;
#endif
}

// Integer idioms that the optimiser turns into intrinsics.
constexpr std::size_t integer_count = 27;
inline void integer_ops(std::uint32_t u, std::uint32_t v, std::uint64_t w,
                        std::uint64_t *r) {
  r[0] = u > v ? u - v : 0; // llvm.usub.sat
  std::uint32_t s = u + v;
  r[1] = s < u ? 0xffffffffu : s; // llvm.uadd.sat
  int sum = 0;
  r[2] = __builtin_add_overflow(int(u), int(v), &sum);
  r[3] = std::uint32_t(sum);
  std::uint32_t product = 0;
  r[4] = __builtin_mul_overflow(u, v, &product);
  r[5] = product;
  long long difference = 0;
  r[6] = __builtin_sub_overflow((long long)w, (long long)u, &difference);
  r[7] = std::uint64_t(difference);
  r[8] = __builtin_bswap16(std::uint16_t(u));
  r[9] = __builtin_bswap32(u);
  r[10] = __builtin_bswap64(w);
  r[11] = __builtin_popcount(u);
  r[12] = __builtin_popcountll(w);
  r[13] = u ? __builtin_clz(u) : 32;
  r[14] = w ? __builtin_clzll(w) : 64;
  r[15] = u ? __builtin_ctz(u) : 32;
  r[16] = w ? __builtin_ctzll(w) : 64;
  // Equal unless u's low bits say otherwise: std::array's == is memcmp.
  std::array<std::uint32_t, 4> left{u, v, u ^ v, 7},
      right{u, v, u ^ v, std::uint32_t(u & 15)};
  r[17] = left == right;
  r[18] = left != std::array<std::uint32_t, 4>{u, v, 0, 7};
  // Overlapping copies of a run-time length: llvm.memmove both ways.
  std::uint32_t tmp[8];
  for (std::uint32_t k = 0; k < 8; ++k)
    tmp[k] = u + k * v;
  std::size_t shift = w & 3;
  std::copy(tmp, tmp + 8 - shift, tmp + shift);
  r[19] = tmp[3] ^ (std::uint64_t(tmp[7]) << 32);
  std::copy(tmp + shift, tmp + 8, tmp);
  r[20] = tmp[0] ^ (std::uint64_t(tmp[4]) << 32);
  int a = int(u), b = int(v);
  int ssum = 0;
  r[21] = std::uint32_t(__builtin_add_overflow(a, b, &ssum)
                            ? (a < 0 ? INT32_MIN : INT32_MAX)
                            : ssum); // saturating signed add
  // Halved, so that neither the difference nor abs can overflow.
  int ha = a >> 1, hb = b >> 1;
  r[22] = std::uint32_t(std::max(ha - hb, 0));
  r[23] = std::uint32_t(std::abs(ha));
  // Rotates: llvm.fshl / llvm.fshr.
  std::uint32_t k = v & 31;
  r[24] = std::uint32_t((u << k) | (u >> ((32 - k) & 31)));
  r[25] = reverse_bits(u);
  std::uint64_t m = u & 63;
  r[26] = (w >> m) | (w << ((64 - m) & 63));
}

// Shifts a row of 8 by one place within itself: memmove on global memory.
inline void shift_row(unsigned *row) { std::copy(row, row + 7, row + 1); }

} // namespace e2e::libcall
