// The CUDA C++ twins of bench/kernels/bench_kernels.cpp, compiled to PTX by
// bench/run-gpu.sh (nvcc -ptx -arch=sm_90) and loaded by the bench at run
// time. Index mapping as dpexc lowers it: the last dpex dimension is x.
// The tiles are dynamic shared memory, as dpex's local accessors are.
// The work-group algorithm rows use CUB's block primitives, which ship with
// the toolkit.
#include <cub/block/block_reduce.cuh>
#include <cub/block/block_scan.cuh>

#define TILE 16
#define GROUP 256

extern "C" {

__global__ void empty() {}

__global__ void triad(float s, const float *b, const float *c, float *a) {
  size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  a[i] = b[i] + s * c[i];
}

__global__ void sgemm(int n, const float *A, const float *B, float *C) {
  extern __shared__ float tiles[];
  float *As = tiles, *Bs = tiles + TILE * TILE;
  size_t row = blockIdx.y * (size_t)blockDim.y + threadIdx.y;
  size_t col = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  size_t lr = threadIdx.y, lc = threadIdx.x;
  size_t un = (size_t)n;
  float acc = 0.0f;
  for (size_t t = 0; t < un; t += TILE) {
    As[lr * TILE + lc] = A[row * un + t + lc];
    Bs[lr * TILE + lc] = B[(t + lr) * un + col];
    __syncthreads();
    for (size_t k = 0; k < TILE; ++k)
      acc += As[lr * TILE + k] * Bs[k * TILE + lc];
    __syncthreads();
  }
  C[row * un + col] = acc;
}

__global__ void reduce(int n, const float *x, float *partial) {
  extern __shared__ float scratch[];
  size_t lid = threadIdx.x;
  size_t stride = (size_t)gridDim.x * blockDim.x;
  size_t un = (size_t)n;
  float s = 0.0f;
  for (size_t i = blockIdx.x * (size_t)blockDim.x + lid; i < un; i += stride)
    s += x[i];
  scratch[lid] = s;
  __syncthreads();
  for (size_t active = blockDim.x / 2; active > 0; active /= 2) {
    if (lid < active)
      scratch[lid] += scratch[lid + active];
    __syncthreads();
  }
  if (lid == 0)
    partial[blockIdx.x] = scratch[0];
}

__global__ void reduce_group(int n, const float *x, float *partial) {
  using BlockReduce = cub::BlockReduce<float, GROUP>;
  __shared__ BlockReduce::TempStorage temp;
  size_t stride = (size_t)gridDim.x * blockDim.x;
  size_t un = (size_t)n;
  float s = 0.0f;
  for (size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x; i < un;
       i += stride)
    s += x[i];
  float sum = BlockReduce(temp).Sum(s);
  if (threadIdx.x == 0)
    partial[blockIdx.x] = sum;
}

__global__ void scan_group(const float *x, float *y) {
  using BlockScan = cub::BlockScan<float, GROUP>;
  __shared__ BlockScan::TempStorage temp;
  size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  float prefix;
  BlockScan(temp).ExclusiveSum(x[i], prefix);
  y[i] = prefix;
}

__global__ void histogram(int bins, const float *x, float *hist) {
  float v = x[blockIdx.x * (size_t)blockDim.x + threadIdx.x];
  int b = (int)(v * (float)bins);
  if (b > bins - 1)
    b = bins - 1;
  atomicAdd(&hist[b], 1.0f);
}

__global__ void stencil(int n, const float *in, float *out) {
  size_t un = (size_t)n;
  size_t i = blockIdx.y * (size_t)blockDim.y + threadIdx.y;
  size_t j = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  size_t c = (i + 1) * un + j + 1;
  out[c] = 0.2f * (in[c] + in[c - 1] + in[c + 1] + in[c - un] + in[c + un]);
}

__device__ float cnd(float d) { return 0.5f * erfcf(-0.70710678f * d); }

__global__ void black_scholes(float r, float v, const float *S, const float *X,
                              const float *T, float *call, float *put) {
  size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  float s = S[i], x = X[i], t = T[i];
  float sqrtT = sqrtf(t);
  float d1 = (logf(s / x) + (r + 0.5f * v * v) * t) / (v * sqrtT);
  float d2 = d1 - v * sqrtT;
  float discounted = x * expf(-r * t);
  call[i] = s * cnd(d1) - discounted * cnd(d2);
  put[i] = discounted * cnd(-d2) - s * cnd(-d1);
}

__global__ void math_mix(const float *x, float *y) {
  size_t i = blockIdx.x * (size_t)blockDim.x + threadIdx.x;
  float a = x[i];
  float e = expf(-a) + logf(a + 1.0f);
  float t = sinf(3.0f * a) * cosf(2.0f * a);
  float p = powf(a, 1.7f) + erff(a - 1.0f);
  y[i] = e + t + p;
}

} // extern "C"
