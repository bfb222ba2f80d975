// Kernels whose code reaches the device module as C library calls and LLVM
// intrinsics (e2e_libcall.hpp): each is lowered for every image.
#include <dpex/kernel.hpp>

#include "e2e_libcall.hpp"

namespace e2e {

// out[f * n + i] = function f of the inputs.
template <typename T>
DPEX_KERNEL void cmath_calls(dpex::item<1> it, const T *a, const T *b, T *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  T r[libcall::cmath_count];
  libcall::cmath_ops(a[i], b[i], r);
  for (size_t f = 0; f < libcall::cmath_count; ++f)
    out[f * n + i] = r[f];
}
template void cmath_calls<float>(dpex::item<1>, const float *, const float *,
                                 float *);
template void cmath_calls<double>(dpex::item<1>, const double *, const double *,
                                  double *);

DPEX_KERNEL void libmf_calls(dpex::item<1> it, const float *a, const float *b,
                             float *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  float r[libcall::libmf_count];
  libcall::libmf_ops(a[i], b[i], r);
  for (size_t f = 0; f < libcall::libmf_count; ++f)
    out[f * n + i] = r[f];
}

// x, y: complex numbers as (re, im) pairs.
template <typename T>
DPEX_KERNEL void complex_arith(dpex::item<1> it, const T *x, const T *y,
                               T *product, T *quotient) {
  size_t i = it.get_id(0);
  libcall::complex_ops(x + 2 * i, y + 2 * i, product + 2 * i, quotient + 2 * i);
}
template void complex_arith<float>(dpex::item<1>, const float *, const float *,
                                   float *, float *);
template void complex_arith<double>(dpex::item<1>, const double *,
                                    const double *, double *, double *);

template <typename T>
DPEX_KERNEL void complex_functions(dpex::item<1> it, const T *x, T *out) {
  size_t i = it.get_id(0);
  libcall::complex_functions(x + 2 * i,
                             out + 2 * libcall::complex_function_count * i);
}
template void complex_functions<float>(dpex::item<1>, const float *, float *);
template void complex_functions<double>(dpex::item<1>, const double *,
                                        double *);

DPEX_KERNEL void integer_idioms(dpex::item<1> it, const unsigned *u,
                                const unsigned *v, const unsigned long *w,
                                unsigned long *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  std::uint64_t r[libcall::integer_count];
  libcall::integer_ops(u[i], v[i], w[i], r);
  for (size_t f = 0; f < libcall::integer_count; ++f)
    out[f * n + i] = r[f];
}

// An overlapping copy within a global buffer: each item shifts its own row
// of 8 by one place, a memmove on global memory.
DPEX_KERNEL void shift_rows(dpex::item<1> it, unsigned *rows) {
  libcall::shift_row(rows + 8 * it.get_id(0));
}

} // namespace e2e
