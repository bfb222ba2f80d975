#include <dpex/kernel.hpp>

#include "e2e_params.hpp"

namespace e2e {

DPEX_KERNEL void affine(dpex::item<1> it, Affine f, const float *in,
                        float *out) {
  size_t i = it.get_id(0);
  float v = f.scale * in[i] + f.offset;
  out[i] = (f.clamp_negative && v < 0.0f) ? 0.0f : v;
}

DPEX_KERNEL void select_flag(dpex::item<1> it, bool pick_first, const int *a,
                             const int *b, int *out) {
  size_t i = it.get_id(0);
  out[i] = pick_first ? a[i] : b[i];
}

DPEX_KERNEL void mixed_scalars(dpex::item<1> it, char c, short s, unsigned u,
                               long long l, double d, long long *out) {
  size_t i = it.get_id(0);
  out[i] = (long long)i + c + s + (long long)u + l + (long long)d;
}

// Bins the first `n` values into `nbins` bins; the rest get bin `nbins`.
DPEX_KERNEL void bin_index(dpex::item<1> it, unsigned nbins, size_t n,
                           const int *in, unsigned *out) {
  size_t i = it.get_id(0);
  out[i] = i < n ? (unsigned)in[i] % nbins : nbins;
}

} // namespace e2e
