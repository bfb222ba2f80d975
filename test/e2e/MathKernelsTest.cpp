// dpex:: and <cmath> math in kernels against the host's <cmath>.
#include "math_kernels.dpex.hpp"

#include "e2e_math.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

namespace {

constexpr std::size_t n = 4096;

// Inputs inside every function's domain: x in (0, 1) (asin, acos, log1p,
// rsqrt), y in [0.5, 2] (log, pow's base), z in [-1, 1].
template <typename T> struct Inputs {
  std::vector<T> x, y, z, w;
  Inputs() : x(n), y(n), z(n), w(n) {
    const T special[] = {T(1.5), std::numeric_limits<T>::infinity(),
                         std::numeric_limits<T>::quiet_NaN(),
                         -std::numeric_limits<T>::infinity(), T(0)};
    for (std::size_t i = 0; i < n; ++i) {
      T t = T(i) / T(n);
      x[i] = T(0.02) + T(0.96) * t;
      y[i] = T(0.5) + T(1.5) * T((i * 7) % n) / T(n);
      // The +0.013 keeps 10*z off .5, where round() is exactly a tie.
      z[i] = T(-1) + T(2) * T((i * 13) % n) / T(n) + T(0.013) * (t - T(0.5));
      w[i] = special[i % 5];
    }
  }
};

// OpenCL's full profile allows up to 16 ulp (pow, erf, erfc, ...); compare
// relative to the value, or absolutely near zero. -ffast-math's bound is the
// one docs/cli.md states: approximate functions on NVIDIA GPUs (nvcc's
// -use_fast_math ones) stay within 1e-4 of the value (or absolutely).
#if DPEX_E2E_FAST_MATH
template <typename T> T tolerance() {
  return std::is_same_v<T, float> ? T(1e-4) : T(1e-12);
}
// -ffast-math assumes no NaN or infinity: isnan and isinf are false.
constexpr std::size_t checked_math_functions = e2e::math_function_count - 2;
#else
template <typename T> T tolerance() {
  return std::is_same_v<T, float> ? T(4e-6) : T(1e-13);
}
constexpr std::size_t checked_math_functions = e2e::math_function_count;
#endif

// The error of `got` in units in the last place of T at `exact`.
template <typename T> double ulpError(T got, double exact) {
  T rounded = T(exact);
  double ulp = double(std::nextafter(std::abs(rounded),
                                     std::numeric_limits<T>::infinity())) -
               double(std::abs(rounded));
  return ulp > 0 ? std::abs(double(got) - exact) / ulp : 0;
}

// fmod(x, d) jumps from d to 0 where x/d crosses an integer: a result a
// whole period off is the same remainder, one that -ffast-math's
// reassociation may pick (seen on Intel's runtime at fmod(5, 0.02)).
template <typename T> bool samePeriodic(T got, T want, T period) {
#if DPEX_E2E_FAST_MATH
  return std::abs(std::abs(got - want) - period) <=
         tolerance<T>() * std::max(T(1), period);
#else
  (void)got, (void)want, (void)period;
  return false;
#endif
}

// `divisors`: fmod's second argument, for the functions named fmod.
template <typename T>
void requireClose(const std::vector<T> &got, const std::vector<T> &want,
                  std::size_t functions, const char *const names[],
                  const std::vector<T> &divisors) {
  for (std::size_t f = 0; f < functions; ++f) {
    bool fmod = std::string(names[f]).find("fmod") != std::string::npos;
    for (std::size_t i = 0; i < n; ++i) {
      T g = got[f * n + i], w = want[f * n + i];
      INFO(names[f] << " at input " << i << ": device " << g << ", host " << w);
      REQUIRE(
          (std::abs(g - w) <= tolerance<T>() * std::max(T(1), std::abs(w)) ||
           (fmod && samePeriodic(g, w, divisors[i]))));
    }
  }
}

const char *const math_names[e2e::math_function_count] = {
    "sqrt", "rsqrt", "cbrt",  "exp",   "exp2",  "expm1", "log",
    "log2", "log10", "log1p", "pow",   "sin",   "cos",   "tan",
    "asin", "acos",  "atan",  "atan2", "sinh",  "cosh",  "tanh",
    "erf",  "erfc",  "fabs",  "fmin",  "fmax",  "fma",   "floor",
    "ceil", "trunc", "round", "fmod",  "hypot", "isnan", "isinf"};

template <typename T> std::vector<T> hostMath(const Inputs<T> &in) {
  std::vector<T> out(e2e::math_function_count * n);
  for (std::size_t i = 0; i < n; ++i) {
    T a = in.x[i], b = in.y[i], c = in.z[i];
    T r[e2e::math_function_count] = {
        std::sqrt(a),          T(1) / std::sqrt(a),
        std::cbrt(c),          std::exp(b),
        std::exp2(b),          std::expm1(c),
        std::log(b),           std::log2(b),
        std::log10(b),         std::log1p(a),
        std::pow(b, c),        std::sin(c),
        std::cos(c),           std::tan(c),
        std::asin(a),          std::acos(a),
        std::atan(c),          std::atan2(c, b),
        std::sinh(c),          std::cosh(c),
        std::tanh(c),          std::erf(c),
        std::erfc(c),          std::fabs(c),
        std::fmin(a, c),       std::fmax(a, c),
        std::fma(a, b, c),     std::floor(10 * c),
        std::ceil(10 * c),     std::trunc(10 * c),
        std::round(10 * c),    std::fmod(10 * b, a),
        std::hypot(b, c),      T(std::isnan(in.w[i])),
        T(std::isinf(in.w[i]))};
    for (std::size_t f = 0; f < e2e::math_function_count; ++f)
      out[f * n + i] = r[f];
  }
  return out;
}

// With DPEX_MATH_ULP_REPORT=<file>: appends each function's largest error
// in ulp, against the host's double result over the same inputs, to <file>
// (docs/math-accuracy.md is made from these).
template <typename T>
void reportUlp(const dpex::queue &q, const std::vector<T> &got,
               const Inputs<T> &in) {
  const char *path = std::getenv("DPEX_MATH_ULP_REPORT");
  if (!path)
    return;
  Inputs<double> exact;
  for (std::size_t i = 0; i < n; ++i) {
    exact.x[i] = in.x[i];
    exact.y[i] = in.y[i];
    exact.z[i] = in.z[i];
    exact.w[i] = in.w[i];
  }
  std::vector<double> want = hostMath(exact);
  std::ofstream report(path, std::ios::app);
  const std::string device = q.get_device().name();
  for (std::size_t f = 0; f < checked_math_functions; ++f) {
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i)
      worst = std::max(worst, ulpError(got[f * n + i], want[f * n + i]));
    report << device << '\t' << (std::is_same_v<T, float> ? "float" : "double")
           << '\t' << math_names[f] << '\t' << worst << '\n';
  }
}

template <typename T, typename Kernel> void checkDpexMath(Kernel kernel) {
  dpex::queue q;
  Inputs<T> in;
  dpex::array<T> x(q, n), y(q, n), z(q, n), w(q, n),
      out(q, e2e::math_function_count * n);
  x.copy_from(in.x);
  y.copy_from(in.y);
  z.copy_from(in.z);
  w.copy_from(in.w);
  dpex::call_kernel(kernel, dpex::range<1>(n), x, y, z, w, out);
  std::vector<T> got = out.to_host();
  reportUlp(q, got, in);
  requireClose(got, hostMath(in), checked_math_functions, math_names, in.x);
}

const char *const std_names[e2e::std_function_count] = {
    "std::sqrt", "std::exp",   "std::log",   "std::pow",
    "std::sin",  "std::cos",   "std::atan2", "std::erf",
    "std::fabs", "std::floor", "std::fmin",  "std::fmax",
    "std::fma",  "std::fmod",  "std::min",   "std::max"};

template <typename T, typename Kernel> void checkStdMath(Kernel kernel) {
  dpex::queue q;
  Inputs<T> in;
  dpex::array<T> x(q, n), y(q, n), z(q, n), out(q, e2e::std_function_count * n);
  x.copy_from(in.x);
  y.copy_from(in.y);
  z.copy_from(in.z);
  dpex::call_kernel(kernel, dpex::range<1>(n), x, y, z, out);
  std::vector<T> want(e2e::std_function_count * n);
  for (std::size_t i = 0; i < n; ++i) {
    T a = in.x[i], b = in.y[i], c = in.z[i];
    T r[e2e::std_function_count] = {
        std::sqrt(a),       std::exp(b),          std::log(b),
        std::pow(b, c),     std::sin(c),          std::cos(c),
        std::atan2(c, b),   std::erf(c),          std::fabs(c),
        std::floor(10 * c), std::fmin(a, c),      std::fmax(a, c),
        std::fma(a, b, c),  std::fmod(10 * b, a), std::min(a, c),
        std::max(a, c)};
    for (std::size_t f = 0; f < e2e::std_function_count; ++f)
      want[f * n + i] = r[f];
  }
  requireClose(out.to_host(), want, e2e::std_function_count, std_names, in.x);
}

} // namespace

TEST_CASE("dpex:: math for float matches <cmath>", "[e2e][math]") {
  checkDpexMath<float>(e2e::dpex_math_float);
}

TEST_CASE("dpex:: math for double matches <cmath>", "[e2e][math]") {
  checkDpexMath<double>(e2e::dpex_math_double);
}

TEST_CASE("std:: math in kernels, float", "[e2e][math]") {
  checkStdMath<float>(e2e::std_math_float);
}

TEST_CASE("std:: math in kernels, double", "[e2e][math]") {
  checkStdMath<double>(e2e::std_math_double);
}

TEST_CASE("C library names (sqrtf, expf, ...) in kernels", "[e2e][math]") {
  dpex::queue q;
  std::vector<float> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = 0.01f + 2.0f * float(i) / float(n);
  dpex::array<float> x(q, n), out(q, n);
  x.copy_from(h);
  dpex::call_kernel(e2e::libm_float, dpex::range<1>(n), x, out);
  std::vector<float> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    float want =
        std::sqrt(h[i]) + std::exp(h[i]) * std::tanh(h[i]) - std::cbrt(h[i]);
    REQUIRE(std::abs(r[i] - want) <=
            tolerance<float>() * std::max(1.0f, std::abs(want)));
  }
}

#if !DPEX_E2E_FAST_MATH
// Every pair of signed zeros, NaN, infinities and ones: where one operand
// is a NaN, the result is the other, bit for bit (C's and OpenCL's fmin and
// fmax); fmin(-0, +0) and fmax(-0, +0) may be either zero.
template <typename T, typename Kernel> void checkMinMax(const Kernel &kernel) {
  const T inf = std::numeric_limits<T>::infinity();
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T values[] = {T(-0.0), T(0), nan, T(1), T(-1), inf, -inf};
  std::vector<T> hx, hy;
  for (T a : values)
    for (T b : values) {
      hx.push_back(a);
      hy.push_back(b);
    }
  const std::size_t pairs = hx.size();
  dpex::queue q;
  dpex::array<T> x(q, pairs), y(q, pairs), out(q, 4 * pairs);
  x.copy_from(hx);
  y.copy_from(hy);
  dpex::call_kernel(kernel, dpex::range<1>(pairs), x, y, out);
  std::vector<T> r = out.to_host();
  for (std::size_t i = 0; i < pairs; ++i)
    for (std::size_t k = 0; k < 4; ++k) {
      T a = hx[i], b = hy[i], got = r[4 * i + k];
      T want = k % 2 == 0 ? std::fmin(a, b) : std::fmax(a, b);
      INFO("pair " << a << ", " << b << (k % 2 == 0 ? " fmin" : " fmax")
                   << (k < 2 ? " dpex::" : " std::") << ": " << got);
      if (std::isnan(a) && std::isnan(b))
        REQUIRE(std::isnan(got));
      else if (std::isnan(a) || std::isnan(b))
        REQUIRE(std::memcmp(&got, std::isnan(a) ? &b : &a, sizeof(T)) == 0);
      else if (a == 0 && b == 0)
        REQUIRE(got == 0);
      else
        REQUIRE(std::memcmp(&got, &want, sizeof(T)) == 0);
    }
}

TEST_CASE("fmin and fmax return the operand that is not a NaN", "[e2e][math]") {
  checkMinMax<float>(e2e::min_max_float);
  checkMinMax<double>(e2e::min_max_double);
}
#endif
