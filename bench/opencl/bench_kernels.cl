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

// The work-group algorithm rows: OpenCL C's work-group functions where the
// device reports them (the twin defines TWIN_WG_FUNCTIONS), else a
// local-memory tree and scan; float atomic add where cl_ext_float_atomics
// gives it (TWIN_FP32_ATOMIC_ADD), else a compare-and-swap loop.
// group_twin_variant tells the bench which ones the driver built.
#define GROUP 256
#ifdef TWIN_WG_FUNCTIONS
#define WG_FUNCTIONS 1
#else
#define WG_FUNCTIONS 0
#endif
#if defined(TWIN_FP32_ATOMIC_ADD) &&                                           \
    defined(__opencl_c_ext_fp32_global_atomic_add)
#define FLOAT_ATOMIC_ADD 1
#else
#define FLOAT_ATOMIC_ADD 0
#endif

__kernel void group_twin_variant(__global float *out) {
  out[0] = WG_FUNCTIONS;
  out[1] = FLOAT_ATOMIC_ADD;
}

__kernel void reduce_group(int n, __global const float *x,
                           __global float *partial) {
  size_t lid = get_local_id(0);
  size_t stride = get_global_size(0);
  size_t un = (size_t)n;
  float s = 0.0f;
  for (size_t i = get_global_id(0); i < un; i += stride)
    s += x[i];
#if WG_FUNCTIONS
  float sum = work_group_reduce_add(s);
  if (lid == 0)
    partial[get_group_id(0)] = sum;
#else
  __local float scratch[GROUP];
  scratch[lid] = s;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (size_t active = GROUP / 2; active > 0; active /= 2) {
    if (lid < active)
      scratch[lid] += scratch[lid + active];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (lid == 0)
    partial[get_group_id(0)] = scratch[0];
#endif
}

__kernel void scan_group(__global const float *x, __global float *y) {
  size_t i = get_global_id(0);
#if WG_FUNCTIONS
  y[i] = work_group_scan_exclusive_add(x[i]);
#else
  // Inclusive scan of the input shifted by one, between two buffers.
  __local float buf[2][GROUP];
  size_t lid = get_local_id(0);
  int in = 0;
  buf[0][lid] = lid > 0 ? x[i - 1] : 0.0f;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (size_t offset = 1; offset < GROUP; offset *= 2) {
    float v = buf[in][lid];
    if (lid >= offset)
      v += buf[in][lid - offset];
    buf[1 - in][lid] = v;
    in = 1 - in;
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  y[i] = buf[in][lid];
#endif
}

__kernel void histogram(int bins, __global const float *x,
                        __global float *hist) {
  float v = x[get_global_id(0)];
  int b = min((int)(v * (float)bins), bins - 1);
#if FLOAT_ATOMIC_ADD
  atomic_fetch_add_explicit((volatile __global atomic_float *)&hist[b], 1.0f,
                            memory_order_relaxed, memory_scope_device);
#else
  volatile __global uint *p = (volatile __global uint *)&hist[b];
  uint old = *p, seen;
  while ((seen = atomic_cmpxchg(p, old, as_uint(as_float(old) + 1.0f))) != old)
    old = seen;
#endif
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
