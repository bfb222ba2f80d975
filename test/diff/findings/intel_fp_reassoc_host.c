// [build options]: builds a loop of double subtractions, written in OpenCL C,
// from source on every OpenCL platform, runs it over N items and compares
// each item with the same loop run on the host in strict IEEE double
// arithmetic (no dpexc involved). Prints the count of differing items per
// platform; exit status 1 when any differs.
//
//   cc -ffp-contract=off intel_fp_reassoc_host.c -lOpenCL && ./a.out
//
// Intel's CPU runtime differs on about a quarter of the items (results as if
// the chain x - d - d - ... were split into partial sums), PoCL on none; with
// "-cl-opt-disable" Intel's runtime matches too. With N a multiple of 16 the
// kernel is vectorised across work-items and Intel's runtime matches.
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 4099

static const char *source =
    "kernel void sub_loop(global const double *v, global const double *c,\n"
    "                     global const uint *cnt, global double *out) {\n"
    "  size_t i = get_global_id(0);\n"
    "  double x = v[i], d = c[i];\n"
    "  for (uint j = 0; j < cnt[i]; ++j)\n"
    "    x = x - d;\n"
    "  out[i] = x;\n"
    "}\n";

int main(int argc, char **argv) {
  const char *options = argc > 1 ? argv[1] : "";
  static double v[N], c[N], out[N];
  static cl_uint cnt[N];
  unsigned long long s = 1;
  for (int i = 0; i < N; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    v[i] = (double)(int)((s >> 40) & 0xfffff) / 128.0 - 1000.0;
    c[i] = (double)(long long)(s >> 8); // above 2^53: sums round
    cnt[i] = (cl_uint)(s >> 3) & 15u;
  }
  cl_platform_id ps[8];
  cl_uint np = 0;
  clGetPlatformIDs(8, ps, &np);
  int failed = 0;
  for (cl_uint p = 0; p < np; ++p) {
    char name[256];
    clGetPlatformInfo(ps[p], CL_PLATFORM_NAME, sizeof name, name, NULL);
    cl_device_id d;
    if (clGetDeviceIDs(ps[p], CL_DEVICE_TYPE_ALL, 1, &d, NULL))
      continue;
    cl_int e;
    cl_context ctx = clCreateContext(NULL, 1, &d, NULL, NULL, &e);
    cl_program prog = clCreateProgramWithSource(ctx, 1, &source, NULL, &e);
    if (clBuildProgram(prog, 1, &d, options, NULL, NULL)) {
      printf("%s: build failed\n", name);
      failed = 1;
      continue;
    }
    cl_kernel k = clCreateKernel(prog, "sub_loop", &e);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, d, NULL, &e);
    cl_mem bv = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof v, v, &e);
    cl_mem bc = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof c, c, &e);
    cl_mem bn = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof cnt, cnt, &e);
    cl_mem bo = clCreateBuffer(ctx, CL_MEM_WRITE_ONLY, sizeof out, NULL, &e);
    clSetKernelArg(k, 0, sizeof bv, &bv);
    clSetKernelArg(k, 1, sizeof bc, &bc);
    clSetKernelArg(k, 2, sizeof bn, &bn);
    clSetKernelArg(k, 3, sizeof bo, &bo);
    size_t items = N;
    clEnqueueNDRangeKernel(q, k, 1, NULL, &items, NULL, 0, NULL, NULL);
    clEnqueueReadBuffer(q, bo, CL_TRUE, 0, sizeof out, out, 0, NULL, NULL);
    int bad = 0, shown = 0;
    for (int i = 0; i < N; ++i) {
      volatile double x = v[i];
      for (cl_uint j = 0; j < cnt[i]; ++j)
        x = x - c[i];
      if (memcmp((const void *)&x, &out[i], sizeof x) != 0) {
        if (shown++ < 3)
          printf("%s: item %d: %u x (v - c): host %a device %a\n", name, i,
                 cnt[i], (double)x, out[i]);
        ++bad;
      }
    }
    printf("%s: %d of %d items differ\n", name, bad, N);
    failed |= bad != 0;
  }
  return failed;
}
