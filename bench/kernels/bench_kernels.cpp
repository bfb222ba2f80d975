// The benchmark kernels as dpex kernels. bench/opencl/bench_kernels.cl and
// bench/cuda/bench_kernels.cu are the same algorithms, statement by
// statement, so a difference in time is a difference in compilation.
#include <dpex/kernel.hpp>

namespace bench {

constexpr size_t kTile = 16;

// Launch overhead only.
DPEX_KERNEL void empty(dpex::item<1>) {}

// STREAM triad: a = b + s * c.
DPEX_KERNEL void triad(dpex::item<1> it, float s, const float *b,
                       const float *c, float *a) {
  size_t i = it.get_id(0);
  a[i] = b[i] + s * c[i];
}

// C = A * B, n x n row-major, n a multiple of kTile; launched on
// nd_range<2>({n, n}, {kTile, kTile}) with two kTile*kTile local tiles.
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

// Sum of x: each work-item accumulates a grid-strided share, each work-group
// reduces its shares in local memory and writes partial[group]. The local
// range is a power of two.
DPEX_KERNEL void reduce(dpex::nd_item<1> it, int n, const float *x,
                        float *partial, dpex::local_accessor<float> scratch) {
  size_t lid = it.get_local_id(0);
  size_t stride = it.get_global_range(0);
  size_t un = static_cast<size_t>(n);
  float s = 0.0f;
  for (size_t i = it.get_global_id(0); i < un; i += stride)
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

// The reduction above with the work-group algorithm in place of the
// local-memory tree; launched with 256-item groups (the twins' GROUP).
DPEX_KERNEL void reduce_group(dpex::nd_item<1> it, int n, const float *x,
                              float *partial) {
  size_t stride = it.get_global_range(0);
  size_t un = static_cast<size_t>(n);
  float s = 0.0f;
  for (size_t i = it.get_global_id(0); i < un; i += stride)
    s += x[i];
  float sum = dpex::reduce_over_group(it.get_group(), s, dpex::plus<float>());
  if (it.get_local_id(0) == 0)
    partial[it.get_group().get_group_id(0)] = sum;
}

// y[i] = the sum of x over the work-items before i in its work-group.
DPEX_KERNEL void scan_group(dpex::nd_item<1> it, const float *x, float *y) {
  size_t i = it.get_global_id(0);
  y[i] = dpex::exclusive_scan_over_group(it.get_group(), x[i],
                                         dpex::plus<float>());
}

// hist[b] += 1 for the bin b of x[i] in [0, 1): all work-items contend for
// a few float atomics. Counts, not the values: float sums of millions of
// values round off by percents (and differently in every order), counts
// stay exact below 2^24.
DPEX_KERNEL void histogram(dpex::item<1> it, int bins, const float *x,
                           float *hist) {
  float v = x[it.get_id(0)];
  int b = static_cast<int>(v * static_cast<float>(bins));
  if (b > bins - 1)
    b = bins - 1;
  dpex::atomic_ref<float>(hist[b]).fetch_add(1.0f);
}

// One Jacobi step of the 5-point Laplace stencil on the interior of an n x n
// grid; launched on range<2>(n - 2, n - 2).
DPEX_KERNEL void stencil(dpex::item<2> it, int n, const float *in, float *out) {
  size_t un = static_cast<size_t>(n);
  size_t c = (it.get_id(0) + 1) * un + it.get_id(1) + 1;
  out[c] = 0.2f * (in[c] + in[c - 1] + in[c + 1] + in[c - un] + in[c + un]);
}

// Cumulative normal distribution through erfc.
inline float cnd(float d) { return 0.5f * dpex::erfc(-0.70710678f * d); }

// European call and put prices (Black-Scholes) for rate r, volatility v.
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

// A mix of transcendental functions per element, x in [0.1, 2]: the math
// library's code is nearly all of the time.
DPEX_KERNEL void math_mix(dpex::item<1> it, const float *x, float *y) {
  size_t i = it.get_id(0);
  float a = x[i];
  float e = dpex::exp(-a) + dpex::log(a + 1.0f);
  float t = dpex::sin(3.0f * a) * dpex::cos(2.0f * a);
  float p = dpex::pow(a, 1.7f) + dpex::erf(a - 1.0f);
  y[i] = e + t + p;
}

} // namespace bench
