// Kernels whose code becomes C library calls and LLVM intrinsics
// (e2e_libcall.hpp) against the same code compiled for the host.
#include "libcall_kernels.dpex.hpp"

#include "e2e_libcall.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <set>
#include <vector>

namespace {

constexpr std::size_t n = 1024;

// OpenCL's full profile allows up to 16 ulp for lgamma, tgamma, erf...;
// the functions in `exact` are correctly rounded in OpenCL and C alike.
template <typename T> T tolerance() {
  return std::is_same_v<T, float> ? T(8e-6) : T(1e-12);
}

template <typename T>
void requireClose(const std::vector<T> &got, const std::vector<T> &want,
                  std::size_t functions, const std::set<std::size_t> &exact) {
  for (std::size_t f = 0; f < functions; ++f)
    for (std::size_t i = 0; i < n; ++i) {
      T g = got[f * n + i], w = want[f * n + i];
      INFO("function " << f << " at input " << i << ": device " << g
                       << ", host " << w);
      if (exact.count(f))
        REQUIRE(g == w);
      else
        REQUIRE(std::abs(g - w) <=
                tolerance<T>() * std::max(T(1), std::abs(w)));
    }
}

// a in (-3, 3) off zero, b in (0.5, 2).
template <typename T> std::pair<std::vector<T>, std::vector<T>> inputs() {
  std::vector<T> a(n), b(n);
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = T(-3) + T(6) * (T(i) + T(0.37)) / T(n);
    b[i] = T(0.5) + T(1.5) * (T((i * 7) % n) + T(0.5)) / T(n);
  }
  return {a, b};
}

template <typename T, typename Kernel> void checkCmath(Kernel kernel) {
  dpex::queue q;
  auto [a, b] = inputs<T>();
  dpex::array<T> da(q, n), db(q, n), out(q, e2e::libcall::cmath_count * n);
  da.copy_from(a);
  db.copy_from(b);
  dpex::call_kernel(kernel, dpex::range<1>(n), da, db, out);
  std::vector<T> want(e2e::libcall::cmath_count * n);
  for (std::size_t i = 0; i < n; ++i) {
    T r[e2e::libcall::cmath_count];
    e2e::libcall::cmath_ops(a[i], b[i], r);
    for (std::size_t f = 0; f < e2e::libcall::cmath_count; ++f)
      want[f * n + i] = r[f];
  }
  // Everything but asinh..tgamma, cbrt, erf, expm1 and log1p.
  std::set<std::size_t> exact;
  for (std::size_t f = 5; f < 28; ++f)
    if (f != 15 && f != 16)
      exact.insert(f);
  requireClose(out.to_host(), want, e2e::libcall::cmath_count, exact);
}

} // namespace

TEST_CASE("<cmath> beyond dpex:: math, float", "[e2e][libcall]") {
  checkCmath<float>(e2e::cmath_calls_float);
}

TEST_CASE("<cmath> beyond dpex:: math, double", "[e2e][libcall]") {
  checkCmath<double>(e2e::cmath_calls_double);
}

TEST_CASE("C library float functions by their C names", "[e2e][libcall]") {
  dpex::queue q;
  auto [a, b] = inputs<float>();
  dpex::array<float> da(q, n), db(q, n), out(q, e2e::libcall::libmf_count * n);
  da.copy_from(a);
  db.copy_from(b);
  dpex::call_kernel(e2e::libmf_calls, dpex::range<1>(n), da, db, out);
  std::vector<float> want(e2e::libcall::libmf_count * n);
  for (std::size_t i = 0; i < n; ++i) {
    float r[e2e::libcall::libmf_count];
    e2e::libcall::libmf_ops(a[i], b[i], r);
    for (std::size_t f = 0; f < e2e::libcall::libmf_count; ++f)
      want[f * n + i] = r[f];
  }
  requireClose(out.to_host(), want, e2e::libcall::libmf_count,
               {5, 6, 7, 8, 9, 10, 11, 12, 13});
}

namespace {

// Finite values, and Annex G's cases: infinite and NaN parts, a zero
// divisor, products that overflow.
template <typename T> std::vector<T> complexOperands(unsigned seed) {
  const T inf = std::numeric_limits<T>::infinity();
  const T nan = std::numeric_limits<T>::quiet_NaN();
  const T huge = std::numeric_limits<T>::max() / 4;
  const T special[][2] = {{inf, T(1)},  {T(2), -inf},          {nan, inf},
                          {T(1), nan},  {T(0), T(0)},          {huge, huge},
                          {-inf, -inf}, {T(1e-30), T(-3e-30)}, {T(0), T(-0.0)}};
  constexpr std::size_t specials = sizeof(special) / sizeof(special[0]);
  std::vector<T> z(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t k = (i * seed) % (4 * specials);
    if (k < specials) {
      z[2 * i] = special[k][0];
      z[2 * i + 1] = special[k][1];
    } else {
      z[2 * i] = T(-2) + T(4) * T((i * 37 + seed) % n) / T(n);
      z[2 * i + 1] = T(3) - T(5) * T((i * 11 + 3 * seed) % n) / T(n);
    }
  }
  return z;
}

// Same class (NaN, infinity of a sign, finite) per part; finite parts close
// relative to the larger part.
template <typename T>
void requireSameComplex(const T *got, const T *want, std::size_t i,
                        const char *op) {
  T scale = std::max({T(1), std::abs(want[0]), std::abs(want[1])});
  for (int p = 0; p < 2; ++p) {
    INFO(op << " at " << i << " part " << p << ": device " << got[p]
            << ", host " << want[p]);
    if (std::isnan(want[p]))
      REQUIRE(std::isnan(got[p]));
    else if (std::isinf(want[p]))
      REQUIRE(got[p] == want[p]);
    else if (std::isinf(scale))
      REQUIRE(std::isfinite(got[p]));
    else
      REQUIRE(std::abs(got[p] - want[p]) <= 4 * tolerance<T>() * scale);
  }
}

template <typename T, typename Kernel> void checkComplex(Kernel kernel) {
  dpex::queue q;
  std::vector<T> x = complexOperands<T>(5), y = complexOperands<T>(3);
  dpex::array<T> dx(q, 2 * n), dy(q, 2 * n), product(q, 2 * n),
      quotient(q, 2 * n);
  dx.copy_from(x);
  dy.copy_from(y);
  dpex::call_kernel(kernel, dpex::range<1>(n), dx, dy, product, quotient);
  std::vector<T> p = product.to_host(), d = quotient.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    T wp[2], wd[2];
    e2e::libcall::complex_ops(&x[2 * i], &y[2 * i], wp, wd);
    requireSameComplex(&p[2 * i], wp, i, "*");
    requireSameComplex(&d[2 * i], wd, i, "/");
  }
}

// Finite operands, off the branch cut (the imaginary part is never 0, so
// both sides take the same side of log's and sqrt's cut); each result is
// compared relative to the larger of its parts.
template <typename T, typename Kernel>
void checkComplexFunctions(Kernel kernel) {
  constexpr std::size_t f = e2e::libcall::complex_function_count;
  dpex::queue q;
  std::vector<T> x(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    x[2 * i] = T(-2) + T(4) * T((i * 37) % n) / T(n);
    x[2 * i + 1] = T(0.25) + T(2) * T((i * 11) % n) / T(n);
    if (i % 2)
      x[2 * i + 1] = -x[2 * i + 1];
  }
  dpex::array<T> dx(q, 2 * n), out(q, 2 * f * n);
  dx.copy_from(x);
  dpex::call_kernel(kernel, dpex::range<1>(n), dx, out);
  std::vector<T> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    T want[2 * f];
    e2e::libcall::complex_functions(&x[2 * i], want);
    for (std::size_t k = 0; k < f; ++k) {
      const T *g = &got[2 * f * i + 2 * k], *w = &want[2 * k];
      T scale = std::max({T(1), std::abs(w[0]), std::abs(w[1])});
      for (int p = 0; p < 2; ++p) {
        INFO("function " << k << " at " << i << " part " << p << ": device "
                         << g[p] << ", host " << w[p]);
        REQUIRE(std::abs(g[p] - w[p]) <= 64 * tolerance<T>() * scale);
      }
    }
  }
}

} // namespace

TEST_CASE("std::complex<float> functions", "[e2e][libcall]") {
  checkComplexFunctions<float>(e2e::complex_functions_float);
}

TEST_CASE("std::complex<double> functions", "[e2e][libcall]") {
  checkComplexFunctions<double>(e2e::complex_functions_double);
}

TEST_CASE("std::complex<float> * and /", "[e2e][libcall]") {
  checkComplex<float>(e2e::complex_arith_float);
}

TEST_CASE("std::complex<double> * and /", "[e2e][libcall]") {
  checkComplex<double>(e2e::complex_arith_double);
}

TEST_CASE("saturating, overflow-checked and bit-level integer idioms",
          "[e2e][libcall]") {
  dpex::queue q;
  std::vector<unsigned> u(n), v(n);
  std::vector<unsigned long> w(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
    u[i] = i % 16 == 0 ? 0u : std::uint32_t(h >> 32) >> (i % 7 * 4);
    v[i] = i % 16 == 1 ? 0xffffffffu : std::uint32_t(h) >> (i % 5 * 7);
    w[i] = i % 16 == 2 ? 0ull : h >> (i % 9 * 7);
  }
  dpex::array<unsigned> du(q, n), dv(q, n);
  dpex::array<unsigned long> dw(q, n), out(q, e2e::libcall::integer_count * n);
  du.copy_from(u);
  dv.copy_from(v);
  dw.copy_from(w);
  dpex::call_kernel(e2e::integer_idioms, dpex::range<1>(n), du, dv, dw, out);
  std::vector<unsigned long> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    std::uint64_t r[e2e::libcall::integer_count];
    e2e::libcall::integer_ops(u[i], v[i], w[i], r);
    for (std::size_t f = 0; f < e2e::libcall::integer_count; ++f) {
      INFO("idiom " << f << " at input " << i);
      REQUIRE(got[f * n + i] == r[f]);
    }
  }
}

TEST_CASE("std::copy within a global buffer", "[e2e][libcall]") {
  dpex::queue q;
  std::vector<unsigned> rows(8 * n);
  for (std::size_t i = 0; i < rows.size(); ++i)
    rows[i] = unsigned(i * 2654435761u);
  dpex::array<unsigned> d(q, rows.size());
  d.copy_from(rows);
  dpex::call_kernel(e2e::shift_rows, dpex::range<1>(n), d);
  std::vector<unsigned> got = d.to_host();
  for (std::size_t i = 0; i < n; ++i)
    e2e::libcall::shift_row(&rows[8 * i]);
  REQUIRE(got == rows);
}
