// Device code for the runtime tests, standing in for dpexc output. A dpex
// kernel's dimension d is OpenCL dimension N-1-d, so the last dpex
// dimension is OpenCL's fastest one.

// saxpy(item<1>, float a, const float* x, float* y)
kernel void saxpy(float a, global const float *x, global float *y) {
  size_t i = get_global_id(0);
  y[i] = a * x[i] + y[i];
}

// affine(item<1>, float a, float b, float* y): y = a*y + b
kernel void affine(float a, float b, global float *y) {
  size_t i = get_global_id(0);
  y[i] = a * y[i] + b;
}

// index2d(item<2>, int* out): out[i][j] = 1000*i + j
kernel void index2d(global int *out) {
  size_t i = get_global_id(1), j = get_global_id(0);
  out[i * get_global_size(0) + j] = (int)(1000 * i + j);
}

// index3d(item<3>, int* out): out[i][j][k] = 10000*i + 100*j + k
kernel void index3d(global int *out) {
  size_t i = get_global_id(2), j = get_global_id(1), k = get_global_id(0);
  size_t n1 = get_global_size(1), n2 = get_global_size(0);
  out[(i * n1 + j) * n2 + k] = (int)(10000 * i + 100 * j + k);
}

// local_index2d(nd_item<2>, int* out): out[i][j] = 100*local(0) + local(1)
kernel void local_index2d(global int *out) {
  size_t i = get_global_id(1), j = get_global_id(0);
  out[i * get_global_size(0) + j] =
      (int)(100 * get_local_id(1) + get_local_id(0));
}

// tile_sum(nd_item<1>, const float* in, float* out, local_accessor<float>)
// out[g] = sum of work-group g's inputs, through local memory.
kernel void tile_sum(global const float *in, global float *out,
                     local float *tile) {
  size_t l = get_local_id(0);
  tile[l] = in[get_global_id(0)];
  barrier(CLK_LOCAL_MEM_FENCE);
  if (l == 0) {
    float s = 0.0f;
    for (size_t k = 0; k < get_local_size(0); ++k)
      s += tile[k];
    out[get_group_id(0)] = s;
  }
}

typedef struct {
  float scale;
  int offset;
} params_t;

// apply(item<1>, params p, bool negate, const int* in, float* out)
kernel void apply(params_t p, uchar negate, global const int *in,
                  global float *out) {
  size_t i = get_global_id(0);
  float v = p.scale * (float)in[i] + (float)p.offset;
  out[i] = negate ? -v : v;
}

// mixed(item<1>, long a, short b, double c, double* out)
kernel void mixed(long a, short b, double c, global double *out) {
  out[get_global_id(0)] = (double)a + (double)b + c;
}

// fill(item<1>, int value, int* out)
kernel void fill(int value, global int *out) { out[get_global_id(0)] = value; }

// spin(item<1>, long iterations, int* out): busy for `iterations` steps of
// a generator the compiler cannot fold, then out[i] = 1.
kernel void spin(long iterations, global int *out) {
  ulong state = (ulong)iterations;
  for (long k = 0; k < iterations; ++k)
    state = state * 6364136223846793005UL + 1442695040888963407UL;
  out[get_global_id(0)] = state == 42 ? 2 : 1;
}

// scalar_only(item<1>, int value): no array, so no queue to infer.
kernel void scalar_only(int value) { (void)value; }

// grid_size(item<1>, int* out), a rounded_range kernel: the launch range
// follows the arguments, and a work-item outside it returns at once, as in
// dpexc's images. out[i] = the size of the launch that ran work-item i.
kernel void grid_size(global int *out, ulong range) {
  size_t i = get_global_id(0);
  if (i < range)
    out[i] = (int)get_global_size(0);
}
