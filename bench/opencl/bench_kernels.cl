// The OpenCL C twins of bench/kernels/bench_kernels.cpp, built from source by
// the OpenCL driver. Index mapping as dpexc lowers it: the last dpex
// dimension is OpenCL dimension 0.
#define TILE 16

__kernel void empty(void) {}

__kernel void triad(float s, __global const float *b, __global const float *c,
                    __global float *a) {
  size_t i = get_global_id(0);
  a[i] = b[i] + s * c[i];
}

__kernel void sgemm(int n, __global const float *A, __global const float *B,
                    __global float *C, __local float *As, __local float *Bs) {
  size_t row = get_global_id(1), col = get_global_id(0);
  size_t lr = get_local_id(1), lc = get_local_id(0);
  size_t un = (size_t)n;
  float acc = 0.0f;
  for (size_t t = 0; t < un; t += TILE) {
    As[lr * TILE + lc] = A[row * un + t + lc];
    Bs[lr * TILE + lc] = B[(t + lr) * un + col];
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    for (size_t k = 0; k < TILE; ++k)
      acc += As[lr * TILE + k] * Bs[k * TILE + lc];
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  }
  C[row * un + col] = acc;
}

__kernel void reduce(int n, __global const float *x, __global float *partial,
                     __local float *scratch) {
  size_t lid = get_local_id(0);
  size_t stride = get_global_size(0);
  size_t un = (size_t)n;
  float s = 0.0f;
  for (size_t i = get_global_id(0); i < un; i += stride)
    s += x[i];
  scratch[lid] = s;
  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  for (size_t active = get_local_size(0) / 2; active > 0; active /= 2) {
    if (lid < active)
      scratch[lid] += scratch[lid + active];
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  }
  if (lid == 0)
    partial[get_group_id(0)] = scratch[0];
}

__kernel void stencil(int n, __global const float *in, __global float *out) {
  size_t un = (size_t)n;
  size_t c = (get_global_id(1) + 1) * un + get_global_id(0) + 1;
  out[c] = 0.2f * (in[c] + in[c - 1] + in[c + 1] + in[c - un] + in[c + un]);
}

float cnd(float d) { return 0.5f * erfc(-0.70710678f * d); }

__kernel void black_scholes(float r, float v, __global const float *S,
                            __global const float *X, __global const float *T,
                            __global float *call, __global float *put) {
  size_t i = get_global_id(0);
  float s = S[i], x = X[i], t = T[i];
  float sqrtT = sqrt(t);
  float d1 = (log(s / x) + (r + 0.5f * v * v) * t) / (v * sqrtT);
  float d2 = d1 - v * sqrtT;
  float discounted = x * exp(-r * t);
  call[i] = s * cnd(d1) - discounted * cnd(d2);
  put[i] = discounted * cnd(-d2) - s * cnd(-d1);
}

__kernel void math_mix(__global const float *x, __global float *y) {
  size_t i = get_global_id(0);
  float a = x[i];
  float e = exp(-a) + log(a + 1.0f);
  float t = sin(3.0f * a) * cos(2.0f * a);
  float p = pow(a, 1.7f) + erf(a - 1.0f);
  y[i] = e + t + p;
}
