// Ten kernels for the compile-time comparison; ten_kernels.cl is the same
// set in OpenCL C.
#include <dpex/kernel.hpp>

namespace ten {

constexpr size_t kTile = 16;

DPEX_KERNEL void vadd(dpex::item<1> it, const float *a, const float *b,
                      float *c) {
  size_t i = it.get_id(0);
  c[i] = a[i] + b[i];
}

DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float *x, float *y) {
  size_t i = it.get_id(0);
  y[i] = a * x[i] + y[i];
}

DPEX_KERNEL void triad(dpex::item<1> it, float s, const float *b,
                       const float *c, float *a) {
  size_t i = it.get_id(0);
  a[i] = b[i] + s * c[i];
}

DPEX_KERNEL void sgemm(dpex::nd_item<2> it, int n, const float *A,
                       const float *B, float *C, dpex::local_accessor<float> As,
                       dpex::local_accessor<float> Bs) {
  size_t row = it.get_global_id(0), col = it.get_global_id(1);
  size_t lr = it.get_local_id(0), lc = it.get_local_id(1);
  size_t un = static_cast<size_t>(n);
  float acc = 0.0f;
  for (size_t t = 0; t < un; t += kTile) {
    As[lr * kTile + lc] = A[row * un + t + lc];
    Bs[lr * kTile + lc] = B[(t + lr) * un + col];
    dpex::group_barrier(it.get_group());
    for (size_t k = 0; k < kTile; ++k)
      acc += As[lr * kTile + k] * Bs[k * kTile + lc];
    dpex::group_barrier(it.get_group());
  }
  C[row * un + col] = acc;
}

DPEX_KERNEL void reduce(dpex::nd_item<1> it, int n, const float *x,
                        float *partial, dpex::local_accessor<float> scratch) {
  size_t lid = it.get_local_id(0);
  size_t stride = it.get_global_range(0);
  float s = 0.0f;
  for (size_t i = it.get_global_id(0); i < static_cast<size_t>(n); i += stride)
    s += x[i];
  scratch[lid] = s;
  dpex::group_barrier(it.get_group());
  for (size_t active = it.get_local_range(0) / 2; active > 0; active /= 2) {
    if (lid < active)
      scratch[lid] += scratch[lid + active];
    dpex::group_barrier(it.get_group());
  }
  if (lid == 0)
    partial[it.get_group().get_group_id(0)] = scratch[0];
}

DPEX_KERNEL void stencil(dpex::item<2> it, int n, const float *in, float *out) {
  size_t un = static_cast<size_t>(n);
  size_t c = (it.get_id(0) + 1) * un + it.get_id(1) + 1;
  out[c] = 0.2f * (in[c] + in[c - 1] + in[c + 1] + in[c - un] + in[c + un]);
}

DPEX_KERNEL void transpose(dpex::nd_item<2> it, int n, const float *in,
                           float *out, dpex::local_accessor<float> tile) {
  size_t un = static_cast<size_t>(n);
  size_t lr = it.get_local_id(0), lc = it.get_local_id(1);
  tile[lr * (kTile + 1) + lc] =
      in[it.get_global_id(0) * un + it.get_global_id(1)];
  dpex::group_barrier(it.get_group());
  size_t row = it.get_group().get_group_id(1) * kTile + lr;
  size_t col = it.get_group().get_group_id(0) * kTile + lc;
  out[row * un + col] = tile[lc * (kTile + 1) + lr];
}

DPEX_KERNEL void histogram(dpex::item<1> it, const unsigned *values,
                           unsigned *bins, unsigned nbins) {
  dpex::atomic_ref<unsigned> bin(bins[values[it.get_id(0)] % nbins]);
  bin.fetch_add(1u);
}

inline float cnd(float d) { return 0.5f * dpex::erfc(-0.70710678f * d); }

DPEX_KERNEL void black_scholes(dpex::item<1> it, float r, float v,
                               const float *S, const float *X, const float *T,
                               float *call, float *put) {
  size_t i = it.get_id(0);
  float s = S[i], x = X[i], t = T[i];
  float sqrtT = dpex::sqrt(t);
  float d1 = (dpex::log(s / x) + (r + 0.5f * v * v) * t) / (v * sqrtT);
  float d2 = d1 - v * sqrtT;
  float discounted = x * dpex::exp(-r * t);
  call[i] = s * cnd(d1) - discounted * cnd(d2);
  put[i] = discounted * cnd(-d2) - s * cnd(-d1);
}

// Gravitational acceleration on each of n bodies (x, y, z, mass) from all.
DPEX_KERNEL void nbody(dpex::item<1> it, int n, const float *pos, float *acc) {
  size_t i = it.get_id(0);
  float xi = pos[4 * i], yi = pos[4 * i + 1], zi = pos[4 * i + 2];
  float ax = 0.0f, ay = 0.0f, az = 0.0f;
  for (int j = 0; j < n; ++j) {
    float dx = pos[4 * j] - xi, dy = pos[4 * j + 1] - yi,
          dz = pos[4 * j + 2] - zi;
    float inv = dpex::rsqrt(dx * dx + dy * dy + dz * dz + 1e-6f);
    float f = pos[4 * j + 3] * inv * inv * inv;
    ax += f * dx;
    ay += f * dy;
    az += f * dz;
  }
  acc[3 * i] = ax;
  acc[3 * i + 1] = ay;
  acc[3 * i + 2] = az;
}

} // namespace ten
