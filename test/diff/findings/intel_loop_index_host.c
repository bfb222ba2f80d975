// [build options]: builds a loop that reads a private array at an index
// derived from the induction variable, with a trip count recomputed in the
// loop condition, written in OpenCL C, from source on every OpenCL platform;
// runs it over N items and compares each item with the same code run on the
// host (no dpexc involved). Prints the count of differing items per platform;
// exit status 1 when any differs.
//
//   cc intel_loop_index_host.c -lOpenCL && ./a.out
//
// Intel's CPU runtime returns another element of the array than the last
// iteration reads on most items whose loop runs; PoCL and Intel's runtime
// with "-cl-opt-disable" match the host.
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 67

static const char *source =
    "uint rem_u32(uint a, uint b) { return b == 0 ? 0 : a % b; }\n"
    "kernel void last_read(global const ulong *in, global ulong *out) {\n"
    "  size_t i = get_global_id(0);\n"
    "  uchar arr[8];\n"
    "  for (int q = 0; q < 8; ++q)\n"
    "    arr[q] = (uchar)(in[2 * i] >> (8 * q));\n"
    "  uchar v = (uchar)in[2 * i + 1];\n"
    "  ulong r = 0xffff;\n"
    "  for (uint j = 0; j < (rem_u32(3710841188u, v) & 15u); ++j)\n"
    "    r = arr[(j + j) & 7u];\n"
    "  out[i] = r;\n"
    "}\n";

static cl_ulong host(const cl_ulong *in, size_t i) {
  unsigned char arr[8];
  for (int q = 0; q < 8; ++q)
    arr[q] = (unsigned char)(in[2 * i] >> (8 * q));
  unsigned char v = (unsigned char)in[2 * i + 1];
  cl_ulong r = 0xffff;
  for (unsigned j = 0; j < ((v ? 3710841188u % v : 0) & 15u); ++j)
    r = arr[(j + j) & 7u];
  return r;
}

int main(int argc, char **argv) {
  const char *options = argc > 1 ? argv[1] : "";
  static cl_ulong in[2 * N], out[N];
  unsigned long long s = 1;
  for (int i = 0; i < 2 * N; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    in[i] = s ^ (s >> 29);
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
    cl_kernel k = clCreateKernel(prog, "last_read", &e);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, d, NULL, &e);
    cl_mem bi = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof in, in, &e);
    cl_mem bo = clCreateBuffer(ctx, CL_MEM_WRITE_ONLY, sizeof out, NULL, &e);
    clSetKernelArg(k, 0, sizeof bi, &bi);
    clSetKernelArg(k, 1, sizeof bo, &bo);
    size_t items = N;
    clEnqueueNDRangeKernel(q, k, 1, NULL, &items, NULL, 0, NULL, NULL);
    clEnqueueReadBuffer(q, bo, CL_TRUE, 0, sizeof out, out, 0, NULL, NULL);
    int bad = 0, shown = 0;
    for (size_t i = 0; i < N; ++i) {
      cl_ulong want = host(in, i);
      if (want != out[i]) {
        if (shown++ < 3)
          printf("%s: item %zu: host 0x%llx device 0x%llx\n", name, i,
                 (unsigned long long)want, (unsigned long long)out[i]);
        ++bad;
      }
    }
    printf("%s: %d of %d items differ\n", name, bad, N);
    failed |= bad != 0;
  }
  return failed;
}
