// The `spir` image dpexc derives from its SPIR-V must build on a cl_khr_spir
// device (PoCL here) and compute what the source says. This talks to
// OpenCL directly, independent of the dpex runtime.
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include "CompilerTestSupport.h"

#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

using namespace dpex;

namespace {

struct CLDevice {
  cl_platform_id Platform = nullptr;
  cl_device_id Device = nullptr;
  cl_context Context = nullptr;
  cl_command_queue Queue = nullptr;

  // The first device that advertises cl_khr_spir, or none.
  CLDevice() {
    cl_uint NumPlatforms = 0;
    if (clGetPlatformIDs(0, nullptr, &NumPlatforms) != CL_SUCCESS ||
        !NumPlatforms)
      return;
    std::vector<cl_platform_id> Platforms(NumPlatforms);
    clGetPlatformIDs(NumPlatforms, Platforms.data(), nullptr);
    for (cl_platform_id P : Platforms) {
      cl_uint N = 0;
      if (clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, 0, nullptr, &N) != CL_SUCCESS)
        continue;
      std::vector<cl_device_id> Devices(N);
      clGetDeviceIDs(P, CL_DEVICE_TYPE_ALL, N, Devices.data(), nullptr);
      for (cl_device_id D : Devices) {
        char Ext[8192] = {};
        clGetDeviceInfo(D, CL_DEVICE_EXTENSIONS, sizeof Ext - 1, Ext, nullptr);
        if (std::strstr(Ext, "cl_khr_spir")) {
          Platform = P;
          Device = D;
          Context = clCreateContext(nullptr, 1, &D, nullptr, nullptr, nullptr);
          Queue = clCreateCommandQueue(Context, D, 0, nullptr);
          return;
        }
      }
    }
  }
  ~CLDevice() {
    if (Queue)
      clReleaseCommandQueue(Queue);
    if (Context)
      clReleaseContext(Context);
  }

  cl_program build(const std::string &Bitcode, std::string &Log) {
    const unsigned char *Bytes =
        reinterpret_cast<const unsigned char *>(Bitcode.data());
    size_t Size = Bitcode.size();
    cl_int Status = CL_SUCCESS, Err = CL_SUCCESS;
    cl_program P = clCreateProgramWithBinary(Context, 1, &Device, &Size, &Bytes,
                                             &Status, &Err);
    if (Err != CL_SUCCESS)
      return nullptr;
    if (clBuildProgram(P, 1, &Device, "-x spir -spir-std=1.2", nullptr,
                       nullptr) != CL_SUCCESS) {
      char Buf[16384] = {};
      clGetProgramBuildInfo(P, Device, CL_PROGRAM_BUILD_LOG, sizeof Buf - 1,
                            Buf, nullptr);
      Log = Buf;
      clReleaseProgram(P);
      return nullptr;
    }
    return P;
  }

  template <typename T> cl_mem buffer(std::vector<T> &Host) {
    return clCreateBuffer(Context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                          Host.size() * sizeof(T), Host.data(), nullptr);
  }
  template <typename T> void read(cl_mem Buf, std::vector<T> &Host) {
    clEnqueueReadBuffer(Queue, Buf, CL_TRUE, 0, Host.size() * sizeof(T),
                        Host.data(), 0, nullptr, nullptr);
  }
};

} // namespace

TEST_CASE("the spir image of a multi-kernel module runs on an OpenCL device",
          "[targets]") {
  CLDevice CL;
  if (!CL.Device) {
    WARN("no OpenCL device with cl_khr_spir; skipping");
    return;
  }
  // -O0 too: the image must be concrete SPIR 1.2 (no generic pointers)
  // without the optimiser's help.
  unsigned OptLevel = GENERATE(0u, 2u);
  INFO("-O" << OptLevel);
  std::string Dir = test::freshDir();
  CompilerOptions Opts;
  Opts.Sources = {test::inputPath("multi_kernel.cpp")};
  Opts.OutputPrefix = Dir + "/mk";
  Opts.Emit = {EmitKind::SPIR};
  Opts.Frontend.OptLevel = OptLevel;
  test::CompileRun R = test::compile(Opts);
  INFO(R.Err);
  REQUIRE(R.Status == 0);
  std::string Log;
  cl_program Program = CL.build(test::readFile(Dir + "/mk.spir.bc"), Log);
  INFO(Log);
  REQUIRE(Program != nullptr);

  // Item kernels take their range last; the spir image runs them on exact
  // grids (its range guards are folded away), which the runtime may split
  // in two launches, the second at a global offset. Buffers extend past the
  // range, and that tail must stay untouched.
  SECTION("saxpy: 1-D item kernel through a device_func chain") {
    const size_t N = 1000, Grid = 1024, Bulk = 960, Group = 64;
    std::vector<float> X(Grid), Y(Grid);
    for (size_t I = 0; I < Grid; ++I) {
      X[I] = float(I);
      Y[I] = 1.0f - float(I);
    }
    cl_mem BX = CL.buffer(X), BY = CL.buffer(Y);
    cl_kernel K = clCreateKernel(
        Program, "_ZN4demo5saxpyEN4dpex4itemILi1EEEfPKfPf", nullptr);
    REQUIRE(K != nullptr);
    float A = 2.5f;
    clSetKernelArg(K, 0, sizeof A, &A);
    clSetKernelArg(K, 1, sizeof BX, &BX);
    clSetKernelArg(K, 2, sizeof BY, &BY);
    cl_ulong Range = N;
    clSetKernelArg(K, 3, sizeof Range, &Range);
    const size_t TailOffset = Bulk, Tail = N - Bulk;
    REQUIRE(clEnqueueNDRangeKernel(CL.Queue, K, 1, nullptr, &Bulk, &Group, 0,
                                   nullptr, nullptr) == CL_SUCCESS);
    REQUIRE(clEnqueueNDRangeKernel(CL.Queue, K, 1, &TailOffset, &Tail, &Tail, 0,
                                   nullptr, nullptr) == CL_SUCCESS);
    std::vector<float> Out(Grid);
    CL.read(BY, Out);
    for (size_t I = 0; I < N; ++I)
      REQUIRE(Out[I] == Approx(A * X[I] + Y[I]));
    for (size_t I = N; I < Grid; ++I)
      REQUIRE(Out[I] == Y[I]);
    clReleaseKernel(K);
    clReleaseMemObject(BX);
    clReleaseMemObject(BY);
  }

  SECTION("add2d: 2-D item kernel, dimension 0 slowest, bool argument") {
    const size_t Rows = 7, Cols = 13, Tail = 64;
    std::vector<int> A(Rows * Cols + Tail), B(Rows * Cols + Tail, -7);
    for (size_t I = 0; I < A.size(); ++I)
      A[I] = int(I) * 3;
    cl_mem BA = CL.buffer(A), BB = CL.buffer(B);
    cl_kernel K = clCreateKernel(
        Program, "_ZN4demo5add2dEN4dpex4itemILi2EEEPKiPib", nullptr);
    REQUIRE(K != nullptr);
    cl_uchar Twice = 1;
    clSetKernelArg(K, 0, sizeof BA, &BA);
    clSetKernelArg(K, 1, sizeof BB, &BB);
    clSetKernelArg(K, 2, sizeof Twice, &Twice);
    cl_ulong Range[2] = {Rows, Cols}; // dpex order
    clSetKernelArg(K, 3, sizeof Range[0], &Range[0]);
    clSetKernelArg(K, 4, sizeof Range[1], &Range[1]);
    // dpex range<2>(Rows, Cols): the last dpex dimension is OpenCL's dim 0.
    size_t Global[2] = {Cols, Rows};
    REQUIRE(clEnqueueNDRangeKernel(CL.Queue, K, 2, nullptr, Global, nullptr, 0,
                                   nullptr, nullptr) == CL_SUCCESS);
    CL.read(BB, B);
    for (size_t R = 0; R < Rows; ++R)
      for (size_t C = 0; C < Cols; ++C)
        REQUIRE(B[R * Cols + C] == A[R * Cols + C] * 2 + int(R));
    for (size_t I = Rows * Cols; I < B.size(); ++I)
      REQUIRE(B[I] == -7);
    clReleaseKernel(K);
    clReleaseMemObject(BA);
    clReleaseMemObject(BB);
  }

  SECTION("nd: nd_item kernel sees its group and local ids") {
    const size_t N = 256, Local = 32;
    std::vector<int> Out(N, -1);
    cl_mem BO = CL.buffer(Out);
    cl_kernel K =
        clCreateKernel(Program, "_ZN4demo2ndEN4dpex7nd_itemILi1EEEPi", nullptr);
    REQUIRE(K != nullptr);
    clSetKernelArg(K, 0, sizeof BO, &BO);
    REQUIRE(clEnqueueNDRangeKernel(CL.Queue, K, 1, nullptr, &N, &Local, 0,
                                   nullptr, nullptr) == CL_SUCCESS);
    CL.read(BO, Out);
    for (size_t I = 0; I < N; ++I)
      REQUIRE(Out[I] == int((I / Local) * 1000 + I % Local));
    clReleaseKernel(K);
    clReleaseMemObject(BO);
  }

  clReleaseProgram(Program);
  llvm::sys::fs::remove_directories(Dir);
}
