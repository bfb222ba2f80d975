// Kernels of ordinary C++ whose optimised IR SPIRV-LLVM-Translator 15 cannot
// take as it stands: each passes through the device pipeline's legalisation
// (docs/architecture.md) and must compute what the host computes from the
// same functions (ordinary_cxx.hpp). Add further such kernels here.
#include <dpex/kernel.hpp>

#include "ordinary_cxx.hpp"
#include "ported_cxx.hpp"

namespace e2e {

DPEX_KERNEL void div_rem(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::divRem(in[i]);
}

DPEX_KERNEL void grid_cells(dpex::item<2> it, float *out, const float *in,
                            int w, int h) {
  ordinary::gridCell((int)it.get_linear_id(), w, h, in, out);
}

DPEX_KERNEL void low_bits_switch(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::lowBits(in[i]) + ordinary::lowSevenBits(in[i]);
}

DPEX_KERNEL void switch_tables(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::switchTables(in[i]);
}

DPEX_KERNEL void bitfield_enum_switch(dpex::item<1> it,
                                      const unsigned char *code, const int *in,
                                      int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::execute(ordinary::decode(&code[i]), in[i], (int)i);
}

DPEX_KERNEL void or_chains(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::orChainSelect(in[i]) * 10 + ordinary::orChainBool(in[i]);
}

DPEX_KERNEL void local_array_in_loop(dpex::item<1> it, const int *in,
                                     int *out) {
  size_t i = it.get_id(0);
  out[i] = ordinary::localArrayLoop(in[i]);
}

DPEX_KERNEL void rotate_bytes(dpex::item<1> it, const unsigned char *in,
                              unsigned char *out) {
  size_t i = it.get_id(0);
  ordinary::rotate(&in[3 * i], &out[3 * i]);
}

} // namespace e2e

// Code as ported from CUDA or SYCL (ported_cxx.hpp).
namespace e2e {

DPEX_KERNEL void ported_scalars(dpex::item<1> it, const int *a, const float *b,
                                const long long *c, ported::Params p,
                                double *out) {
  size_t i = it.get_id(0), n = it.get_range(0);
  out[i] = ported::mixedMinMax(a[i], b[i], c[i]);
  out[n + i] = double(ported::limits(a[i]));
  out[2 * n + i] = ported::lambdas(a[i]);
  out[3 * n + i] =
      ported::byValue(p, a[i]) + ported::byValue(ported::Params{}, a[i]);
  out[4 * n + i] = ported::arrays(a[i]);
  out[5 * n + i] = ported::apply(ported::Op(i % 5), a[i], a[(i + 1) % n]) +
                   double(ported::expectSwap(a[i], int(i)));
  out[6 * n + i] = double(ported::pun(b[i]));
  out[7 * n + i] = ported::returns(a[i]);
}

DPEX_KERNEL void ported_div_rem(dpex::item<1> it, const long long *a,
                                const long long *b, long long *out) {
  size_t i = it.get_id(0);
  ported::divRemAllWidths(a[i], b[i], out + ported::integer_widths * i);
}

DPEX_KERNEL void ported_conversions(dpex::item<1> it, const float *f,
                                    const double *d, const long long *l,
                                    double *out) {
  size_t i = it.get_id(0);
  ported::conversions(f[i], d[i], l[i], out + ported::conversion_count * i);
}

} // namespace e2e
