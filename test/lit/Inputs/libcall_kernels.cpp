// Code that becomes C library calls and LLVM intrinsics in the device
// module: complex arithmetic, <cmath> outside dpex:: math, integer idioms.
#include <dpex/kernel.hpp>

#include <array>
#include <cmath>
#include <complex>

DPEX_KERNEL void complex_div(dpex::item<1> it, double *z, const double *w) {
  size_t i = it.get_id(0);
  std::complex<double> a(z[2 * i], z[2 * i + 1]), b(w[2 * i], w[2 * i + 1]);
  std::complex<double> r = a / b * a;
  std::complex<float> f = std::complex<float>(float(z[0]), 1.f) /
                          std::complex<float>(2.f, float(w[0]));
  z[2 * i] = r.real() + f.real();
  z[2 * i + 1] = r.imag() * f.imag();
}

DPEX_KERNEL void cmath(dpex::item<1> it, double *o, float *f) {
  size_t i = it.get_id(0);
  double x = o[i], whole;
  int e, q;
  o[i] = std::asinh(x) + std::lgamma(x) + std::ldexp(x, 3) +
         std::frexp(x, &e) + std::modf(x, &whole) + whole + e +
         std::remquo(x, 0.3, &q) + q + std::nextafter(x, 1.0) +
         double(std::lround(x)) + double(std::ilogb(x));
  f[i] = asinhf(f[i]) + tgammaf(f[i]) + ldexpf(f[i], 2) + float(lrintf(f[i]));
}

DPEX_KERNEL void integers(dpex::item<1> it, unsigned *u, unsigned long *w) {
  size_t i = it.get_id(0);
  unsigned a = u[i], r = u[i + 1], s = a + r;
  int sum;
  u[i] = a > r ? a - r : 0;
  u[i + 1] = (s < a ? 0xffffffffu : s) + unsigned(__builtin_popcount(a)) +
             unsigned(__builtin_clz(a | 1) + __builtin_ctz(a | 1)) +
             unsigned(__builtin_add_overflow(int(a), int(r), &sum)) +
             __builtin_bswap16(static_cast<unsigned short>(a)) +
             unsigned(sum);
  w[i] = __builtin_bswap64(w[i]) ^ __builtin_bitreverse64(w[i]) ^
         ((w[i] << (a & 63)) | (w[i] >> ((64 - (a & 63)) & 63)));
  std::array<unsigned, 4> x{a, r, s, 1}, y{a, r, s, unsigned(w[i] & 1)};
  w[i + 1] = x == y;
  unsigned tmp[8];
  for (int k = 0; k < 8; ++k)
    tmp[k] = u[k];
  std::copy(tmp, tmp + 7 - (a & 3), tmp + 1);
  u[0] = tmp[3];
}
