// dpex:: math, and plain <cmath>/libm calls, for float and double.
#include <dpex/kernel.hpp>

#include <algorithm>
#include <cmath>
#include <math.h>

#include "e2e_math.hpp"

namespace e2e {

// out[f * n + i] = math function f (in e2e_math.hpp's order) of the inputs.
template <typename T>
DPEX_KERNEL void dpex_math(dpex::item<1> it, const T *x, const T *y, const T *z,
                           const T *w, T *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  T a = x[i], b = y[i], c = z[i];
  T r[math_function_count] = {
      dpex::sqrt(a),        dpex::rsqrt(a),        dpex::cbrt(c),
      dpex::exp(b),         dpex::exp2(b),         dpex::expm1(c),
      dpex::log(b),         dpex::log2(b),         dpex::log10(b),
      dpex::log1p(a),       dpex::pow(b, c),       dpex::sin(c),
      dpex::cos(c),         dpex::tan(c),          dpex::asin(a),
      dpex::acos(a),        dpex::atan(c),         dpex::atan2(c, b),
      dpex::sinh(c),        dpex::cosh(c),         dpex::tanh(c),
      dpex::erf(c),         dpex::erfc(c),         dpex::fabs(c),
      dpex::fmin(a, c),     dpex::fmax(a, c),      dpex::fma(a, b, c),
      dpex::floor(10 * c),  dpex::ceil(10 * c),    dpex::trunc(10 * c),
      dpex::round(10 * c),  dpex::fmod(10 * b, a), dpex::hypot(b, c),
      T(dpex::isnan(w[i])), T(dpex::isinf(w[i]))};
  for (size_t f = 0; f < math_function_count; ++f)
    out[f * n + i] = r[f];
}
template void dpex_math<float>(dpex::item<1>, const float *, const float *,
                               const float *, const float *, float *);
template void dpex_math<double>(dpex::item<1>, const double *, const double *,
                                const double *, const double *, double *);

// The same through std:: (Clang turns many into LLVM intrinsics) and the C
// library names; std::min/std::max are ordinary templates.
template <typename T>
DPEX_KERNEL void std_math(dpex::item<1> it, const T *x, const T *y, const T *z,
                          T *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  T a = x[i], b = y[i], c = z[i];
  T r[std_function_count] = {
      std::sqrt(a),       std::exp(b),          std::log(b),
      std::pow(b, c),     std::sin(c),          std::cos(c),
      std::atan2(c, b),   std::erf(c),          std::fabs(c),
      std::floor(10 * c), std::fmin(a, c),      std::fmax(a, c),
      std::fma(a, b, c),  std::fmod(10 * b, a), std::min(a, c),
      std::max(a, c)};
  for (size_t f = 0; f < std_function_count; ++f)
    out[f * n + i] = r[f];
}
template void std_math<float>(dpex::item<1>, const float *, const float *,
                              const float *, float *);
template void std_math<double>(dpex::item<1>, const double *, const double *,
                               const double *, double *);

DPEX_KERNEL void libm_float(dpex::item<1> it, const float *x, float *out) {
  size_t i = it.get_id(0);
  out[i] = sqrtf(x[i]) + expf(x[i]) * tanhf(x[i]) - cbrtf(x[i]);
}

// fmin and fmax of each pair, through dpex:: and std::.
template <typename T>
DPEX_KERNEL void min_max(dpex::item<1> it, const T *x, const T *y, T *out) {
  size_t i = it.get_id(0);
  out[4 * i] = dpex::fmin(x[i], y[i]);
  out[4 * i + 1] = dpex::fmax(x[i], y[i]);
  out[4 * i + 2] = std::fmin(x[i], y[i]);
  out[4 * i + 3] = std::fmax(x[i], y[i]);
}
template void min_max<float>(dpex::item<1>, const float *, const float *,
                             float *);
template void min_max<double>(dpex::item<1>, const double *, const double *,
                              double *);

} // namespace e2e
