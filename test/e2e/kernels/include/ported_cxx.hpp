// Ordinary C++ as code ported from CUDA or SYCL has it: standard
// algorithms on mixed types, numeric_limits, constexpr and generic lambdas,
// structs with default member initialisers passed by value, std::array in
// private memory, switches on scoped enums, __builtin_expect, std::swap,
// division by run-time values of every integer width (also std::div),
// float <-> integer conversions at their edges, type punning through
// memcpy, std::pair and std::tuple returns, if constexpr. Shared by the kernels
// of ordinary_cxx_kernels.cpp and the host, which computes the reference with
// the same functions.
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <tuple>
#include <type_traits>
#include <utility>

namespace e2e::ported {

inline float mixedMinMax(int a, float b, long long c) {
  float m = std::min<float>(a, b);
  long long mx = std::max<long long>(a, c);
  float cl = std::clamp(b, -1.0f, 1.0f);
  int ab = std::abs(a == std::numeric_limits<int>::min() ? 0 : a);
  long long abl = std::llabs(c);
  return m + float(mx) + cl + float(ab) + float(abl % 1000) + std::fabs(b);
}

inline long long limits(int a) {
  return (a == std::numeric_limits<int>::min()) +
         (std::numeric_limits<unsigned short>::max() + 0LL) +
         (long long)(std::numeric_limits<float>::epsilon() * 1e9f) +
         (std::numeric_limits<double>::infinity() > 1e308) +
         std::numeric_limits<long long>::max() / 1000000000000LL +
         (std::numeric_limits<float>::lowest() < -1e38f) +
         std::numeric_limits<unsigned char>::digits + a % 5;
}

inline int lambdas(int a) {
  constexpr auto square = [](int x) constexpr { return x * x; };
  static_assert(square(3) == 9);
  int k = 7;
  auto add = [&](int x) { return x + k; };
  auto times = [](auto x, auto y) { return x * y; };
  return add(square(a % 100)) + times(a % 1000, 2) + int(times(0.5f, a % 8));
}

struct Params {
  int scale = 3;
  float bias = 0.5f;
  short shift{2};
};

inline float byValue(Params p, int a) {
  return float((a % 100000) * p.scale >> p.shift) + p.bias;
}

inline int arrays(int a) {
  std::array<int, 8> v{};
  for (int i = 0; i < 8; ++i)
    v[i] = (a % 1000 + i) * (i ^ 3);
  int s = 0;
  for (int x : v)
    s += x;
  std::reverse(v.begin(), v.end());
  return s + v.front() - v.back() + int(v.size()) +
         *std::min_element(v.begin(), v.end()) *
             *std::max_element(v.begin(), v.end());
}

enum class Op : unsigned char { Add, Sub, Mul, Min, Max };

inline int apply(Op op, int a, int b) {
  switch (op) {
  case Op::Add:
    return int(unsigned(a) + unsigned(b));
  case Op::Sub:
    return int(unsigned(a) - unsigned(b));
  case Op::Mul:
    return int(unsigned(a) * unsigned(b));
  case Op::Min:
    return std::min(a, b);
  case Op::Max:
    return std::max(a, b);
  }
  return 0;
}

inline int expectSwap(int a, int b) {
  if (__builtin_expect(a > b, 0))
    std::swap(a, b);
  if (__builtin_expect(!!(a < 0), 1))
    a = a == std::numeric_limits<int>::min() ? 0 : -a;
  return int(unsigned(a) * 3u + unsigned(b));
}

// a / b ^ a % b in T; the operand itself where the division is undefined.
template <typename T> inline T divRem(T a, T b) {
  if (b == 0)
    return a;
  if constexpr (std::is_signed_v<T>)
    if (b == T(-1))
      return a;
  return T(T(a / b) ^ T(a % b));
}

// std::div's quotient and remainder, combined as divRem's.
template <typename T> inline T stdDiv(T a, T b) {
  if (b == 0 || b == T(-1))
    return a;
  auto qr = std::div(a, b);
  return T(qr.quot ^ qr.rem);
}

constexpr int integer_widths = 11;
inline void divRemAllWidths(long long a, long long b, long long *out) {
  out[8] = stdDiv<int>((int)a, (int)b);
  out[9] = stdDiv<long>((long)a, (long)b);
  out[10] = stdDiv<long long>(a, b);
  out[0] = divRem<signed char>((signed char)a, (signed char)b);
  out[1] = divRem<unsigned char>((unsigned char)a, (unsigned char)b);
  out[2] = divRem<short>((short)a, (short)b);
  out[3] = divRem<unsigned short>((unsigned short)a, (unsigned short)b);
  out[4] = divRem<int>((int)a, (int)b);
  out[5] = divRem<unsigned>((unsigned)a, (unsigned)b);
  out[6] = divRem<long long>(a, b);
  out[7] = (long long)divRem<unsigned long long>(a, b);
}

// Conversions in range (out of range is undefined): truncation toward
// zero, -0, the largest floats below 2^31 and 2^32, rounding of 64-bit
// integers to float and double.
constexpr int conversion_count = 6;
inline void conversions(float f, double d, long long l, double *out) {
  out[0] = f >= -2147483648.0f && f < 2147483648.0f ? double(int(f)) : -1;
  out[1] = d >= 0.0 && d < 4294967296.0 ? double(unsigned(d)) : -1;
  out[2] = double(float(l));
  out[3] = double((unsigned long long)l);
  out[4] = double(float((unsigned long long)l));
  out[5] = d > -9.2e18 && d < 9.2e18 ? double((long long)d) : -1;
}

inline std::uint32_t pun(float f) {
  std::uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  double d = double(f);
  std::uint64_t c;
  std::memcpy(&c, &d, sizeof c);
  float back;
  std::uint32_t flipped = b ^ 0x80000000u;
  std::memcpy(&back, &flipped, sizeof back);
  return (b >> 1) ^ std::uint32_t(c >> 32) ^ std::uint32_t(back < 0.0f);
}

inline std::pair<int, float> pairOf(int a) { return {a / 3, float(a) * 0.25f}; }
inline std::tuple<int, long long, float> tupleOf(int a) {
  return {a / 2 + 1, (long long)a * a, float(a) * 0.5f};
}

template <typename T> inline double pick(T v) {
  if constexpr (std::is_floating_point_v<T>)
    return double(v) * 0.5;
  else if constexpr (std::is_signed_v<T>)
    return double(v) - 1;
  else
    return double(v + 1u);
}

inline double returns(int a) {
  auto [q, f] = pairOf(a);
  auto [x, y, z] = tupleOf(a);
  std::pair<int, int> p = std::minmax(q, x);
  return pick(f) + pick(q) + pick(unsigned(a & 0xffff)) + x + double(y % 1000) +
         z + p.first - p.second + std::get<0>(tupleOf(q));
}

} // namespace e2e::ported
