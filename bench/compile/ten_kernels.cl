// The kernels of ten_kernels.cpp in OpenCL C, for the compile-time
// comparison.
#define TILE 16

__kernel void vadd(__global const float *a, __global const float *b,
                   __global float *c) {
  size_t i = get_global_id(0);
  c[i] = a[i] + b[i];
}

__kernel void saxpy(float a, __global const float *x, __global float *y) {
  size_t i = get_global_id(0);
  y[i] = a * x[i] + y[i];
}

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
  float s = 0.0f;
  for (size_t i = get_global_id(0); i < (size_t)n; i += stride)
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

__kernel void transpose(int n, __global const float *in, __global float *out,
                        __local float *tile) {
  size_t un = (size_t)n;
  size_t lr = get_local_id(1), lc = get_local_id(0);
  tile[lr * (TILE + 1) + lc] = in[get_global_id(1) * un + get_global_id(0)];
  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  size_t row = get_group_id(0) * TILE + lr;
  size_t col = get_group_id(1) * TILE + lc;
  out[row * un + col] = tile[lc * (TILE + 1) + lr];
}

__kernel void histogram(__global const uint *values, __global uint *bins,
                        uint nbins) {
  atomic_add(&bins[values[get_global_id(0)] % nbins], 1u);
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

__kernel void nbody(int n, __global const float *pos, __global float *acc) {
  size_t i = get_global_id(0);
  float xi = pos[4 * i], yi = pos[4 * i + 1], zi = pos[4 * i + 2];
  float ax = 0.0f, ay = 0.0f, az = 0.0f;
  for (int j = 0; j < n; ++j) {
    float dx = pos[4 * j] - xi, dy = pos[4 * j + 1] - yi,
          dz = pos[4 * j + 2] - zi;
    float inv = rsqrt(dx * dx + dy * dy + dz * dz + 1e-6f);
    float f = pos[4 * j + 3] * inv * inv * inv;
    ax += f * dx;
    ay += f * dy;
    az += f * dz;
  }
  acc[3 * i] = ax;
  acc[3 * i + 1] = ay;
  acc[3 * i + 2] = az;
}
