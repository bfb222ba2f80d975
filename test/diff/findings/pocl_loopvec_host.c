// <file.spir>: runs pocl_loopvec.cl's SPIR image on PoCL over 67 items and
// compares output words 2 and 3 of each item with the same code run on the
// host. Prints the count of differing items; exit status 1 when any differs.
//
//   cc pocl_loopvec_host.c -lOpenCL && ./a.out pocl_loopvec.spir
//
// PoCL's default work-group method (loopvec) differs on most items, from run
// to run; POCL_WORK_GROUP_METHOD=loops matches.
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 67

static void host(const cl_ulong *w, cl_ulong *o) {
  int16_t v0 = (int16_t)(w[0] >> 8);
  uint32_t v2 = (uint32_t)w[2];
  int16_t v5 = (int16_t)w[5];
  int16_t arr[8] = {v0, (int16_t)17368, v5, v5, v0, v0, v5, v5};
  for (uint32_t j = 0; j < 6; ++j)
    v5 = (int16_t)(uint16_t)(((uint32_t)arr[v2 & 7u] & 15u) *
                             (uint32_t)(uint16_t)((uint16_t)(2u << j) ^
                                                  (uint16_t)(0u -
                                                             (uint16_t)v5)));
  arr[6] = v5;
  o[2] = (uint16_t)arr[v2 & 7u];
  o[3] = (uint16_t)v5;
}

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  FILE *f = fopen(argv[1], "rb");
  if (!f)
    return 2;
  fseek(f, 0, SEEK_END);
  size_t n = (size_t)ftell(f);
  rewind(f);
  unsigned char *bin = malloc(n);
  if (fread(bin, 1, n, f) != n)
    return 2;
  fclose(f);
  static cl_ulong in[N * 8], out[N * 8], want[N * 8];
  unsigned long long s = 1;
  for (int i = 0; i < N * 8; ++i) {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    in[i] = s ^ (s >> 29);
  }
  cl_platform_id ps[8];
  cl_uint np = 0;
  clGetPlatformIDs(8, ps, &np);
  for (cl_uint p = 0; p < np; ++p) {
    char name[256];
    clGetPlatformInfo(ps[p], CL_PLATFORM_NAME, sizeof name, name, NULL);
    if (!strstr(name, "Portable"))
      continue;
    cl_device_id d;
    clGetDeviceIDs(ps[p], CL_DEVICE_TYPE_ALL, 1, &d, NULL);
    cl_int e, st;
    cl_context ctx = clCreateContext(NULL, 1, &d, NULL, NULL, &e);
    const unsigned char *bp = bin;
    cl_program prog = clCreateProgramWithBinary(ctx, 1, &d, &n, &bp, &st, &e);
    if (clBuildProgram(prog, 1, &d, "-x spir -spir-std=1.2", NULL, NULL))
      return 3;
    cl_kernel k = clCreateKernel(prog, "k1", &e);
    cl_command_queue q = clCreateCommandQueueWithProperties(ctx, d, NULL, &e);
    cl_mem bi = clCreateBuffer(ctx, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof in, in, &e);
    cl_mem bo = clCreateBuffer(ctx, CL_MEM_READ_WRITE, sizeof out, NULL, &e);
    clSetKernelArg(k, 0, sizeof bi, &bi);
    clSetKernelArg(k, 1, sizeof bo, &bo);
    size_t items = N;
    clEnqueueNDRangeKernel(q, k, 1, NULL, &items, NULL, 0, NULL, NULL);
    clEnqueueReadBuffer(q, bo, CL_TRUE, 0, sizeof out, out, 0, NULL, NULL);
    int bad = 0;
    for (int i = 0; i < N; ++i) {
      host(in + i * 8, want + i * 8);
      if (want[i * 8 + 2] != out[i * 8 + 2] ||
          want[i * 8 + 3] != out[i * 8 + 3]) {
        if (bad < 3)
          printf("item %d: host %llx %llx device %llx %llx\n", i,
                 (unsigned long long)want[i * 8 + 2],
                 (unsigned long long)want[i * 8 + 3],
                 (unsigned long long)out[i * 8 + 2],
                 (unsigned long long)out[i * 8 + 3]);
        ++bad;
      }
    }
    printf("%s: %d of %d items differ\n", name, bad, N);
    return bad != 0;
  }
  return 2;
}
