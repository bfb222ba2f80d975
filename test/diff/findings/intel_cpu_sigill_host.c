// <file.spv> <kernel entry>: runs a generated kernel (in, out, range) on
// Intel's OpenCL CPU runtime over 67 items of pseudo-random input.
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  cl_platform_id ps[8];
  cl_uint np;
  clGetPlatformIDs(8, ps, &np);
  for (cl_uint i = 0; i < np; ++i) {
    char name[256];
    clGetPlatformInfo(ps[i], CL_PLATFORM_NAME, 256, name, NULL);
    if (!strstr(name, "Intel"))
      continue;
    cl_device_id d;
    clGetDeviceIDs(ps[i], CL_DEVICE_TYPE_ALL, 1, &d, NULL);
    cl_context c = clCreateContext(NULL, 1, &d, NULL, NULL, NULL);
    FILE *f = fopen(argv[1], "rb");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = malloc(n);
    fread(b, 1, n, f);
    cl_int e;
    cl_program p = clCreateProgramWithIL(c, b, n, &e);
    if (clBuildProgram(p, 1, &d, "", NULL, NULL))
      return 3;
    cl_kernel k = clCreateKernel(p, argv[2], &e);
    if (e)
      return 4;
    size_t items = 67;
    cl_ulong in[67 * 8], out[67 * 8];
    unsigned long long s = 1;
    for (int j = 0; j < 67 * 8; ++j) {
      s = s * 6364136223846793005ULL + 1442695040888963407ULL;
      in[j] = s ^ (s >> 29);
    }
    cl_command_queue q = clCreateCommandQueueWithProperties(c, d, NULL, NULL);
    cl_mem bi = clCreateBuffer(c, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                               sizeof in, in, NULL);
    cl_mem bo = clCreateBuffer(c, CL_MEM_READ_WRITE, sizeof out, NULL, NULL);
    cl_ulong r = items;
    clSetKernelArg(k, 0, sizeof bi, &bi);
    clSetKernelArg(k, 1, sizeof bo, &bo);
    clSetKernelArg(k, 2, 8, &r);
    e = clEnqueueNDRangeKernel(q, k, 1, NULL, &items, NULL, 0, NULL, NULL);
    clFinish(q);
    printf("ran %d\n", e);
    return e ? 5 : 0;
  }
  return 2;
}
