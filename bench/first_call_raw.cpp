// The driver's floor for bench/first_call.cpp: a plain OpenCL or CUDA
// driver-API program, no dpex in it, that loads a device binary built
// beforehand and launches the same saxpy (dpex's own image of it) once,
// checking the result. The drivers are dlopen'ed, so this builds with the
// OpenCL headers alone and runs where only one of the two is installed.
//
//   dpex_first_call_raw opencl-setup PLATFORM SPIRV SPIR BINARY
//       builds the module on the first device of the platform whose name or
//       vendor contains PLATFORM (case-insensitive), from SPIRV where the
//       device takes SPIR-V, else from the SPIR image as dpex does, and
//       writes its CL_PROGRAM_BINARIES to BINARY
//   dpex_first_call_raw opencl PLATFORM BINARY ENTRY T0
//       one sample: clCreateProgramWithBinary, build, launch once
//   dpex_first_call_raw cuda-setup PTX CUBIN
//       links PTX for device 0 with cuLink* and writes the cubin
//   dpex_first_call_raw cuda CUBIN ENTRY T0
//       one sample: cuModuleLoadData of the cubin, launch once
//
// A sample prints the JSON object bench/first_call.cpp prints, with "device"
// the platform and device found, "queue" the context and queue (CUDA: the
// primary context and a stream), and "first_launch_ms" the program load,
// kernel creation and first launch.
#define CL_TARGET_OPENCL_VERSION 300
#include "first_call_common.hpp"
#include "raw_cuda.hpp"

#include <CL/cl.h>

#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using first_call::kA;
using first_call::kN;
using first_call::monotonicNs;

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

void writeFile(const std::string &path, const void *data, std::size_t size) {
  std::ofstream out(path, std::ios::binary);
  out.write(static_cast<const char *>(data), std::streamsize(size));
  if (!out)
    throw std::runtime_error("cannot write " + path);
}

void *openLibrary(const char *name) {
  void *library = dlopen(name, RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw std::runtime_error(std::string(name) + " not found");
  return library;
}

template <typename F> void resolve(void *library, const char *symbol, F &out) {
  out = reinterpret_cast<F>(dlsym(library, symbol));
  if (!out)
    throw std::runtime_error(std::string("no ") + symbol);
}

// The inputs, and the check of the output against the host's saxpy.
struct Data {
  std::vector<float> x = std::vector<float>(kN), y = std::vector<float>(kN);
  Data() {
    for (std::size_t i = 0; i < kN; ++i) {
      x[i] = float(i);
      y[i] = float(kN - i);
    }
  }
  void check(const std::vector<float> &out) const {
    for (std::size_t i = 0; i < kN; ++i)
      if (out[i] != kA * x[i] + y[i])
        throw std::runtime_error("saxpy differs from the host at " +
                                 std::to_string(i));
  }
};

struct Times {
  std::int64_t t0, main, device, queue, arrays, launched, result;
  std::string deviceName;
  void print() const {
    auto since = [this](std::int64_t t) { return double(t - t0) / 1e6; };
    std::printf("{\"main\": %.3f, \"device\": %.3f, \"queue\": %.3f, "
                "\"arrays\": %.3f, \"launched\": %.3f, \"result\": %.3f, "
                "\"first_launch_ms\": %.3f, \"device_name\": \"%s\"}\n",
                since(main), since(device), since(queue), since(arrays),
                since(launched), since(result), double(launched - arrays) / 1e6,
                deviceName.c_str());
  }
};

// ---- OpenCL ----

struct Cl {
#define FIRST_CALL_CL(X)                                                       \
  X(clGetPlatformIDs)                                                          \
  X(clGetPlatformInfo)                                                         \
  X(clGetDeviceIDs)                                                            \
  X(clGetDeviceInfo)                                                           \
  X(clCreateContext)                                                           \
  X(clCreateCommandQueueWithProperties)                                        \
  X(clCreateProgramWithIL)                                                     \
  X(clCreateProgramWithBinary)                                                 \
  X(clBuildProgram)                                                            \
  X(clGetProgramInfo)                                                          \
  X(clGetProgramBuildInfo)                                                     \
  X(clCreateKernel)                                                            \
  X(clSetKernelArg)                                                            \
  X(clCreateBuffer)                                                            \
  X(clEnqueueNDRangeKernel)                                                    \
  X(clEnqueueReadBuffer)                                                       \
  X(clFinish)
#define FIRST_CALL_CL_POINTER(name) decltype(&::name) name = nullptr;
  FIRST_CALL_CL(FIRST_CALL_CL_POINTER)
#undef FIRST_CALL_CL_POINTER

  cl_device_id device = nullptr;
  cl_context context = nullptr;
  std::string deviceName;

  Cl() {
    void *library = openLibrary("libOpenCL.so.1");
#define FIRST_CALL_CL_RESOLVE(name) resolve(library, #name, name);
    FIRST_CALL_CL(FIRST_CALL_CL_RESOLVE)
#undef FIRST_CALL_CL_RESOLVE
  }

  static void check(cl_int err, const char *call) {
    if (err != CL_SUCCESS)
      throw std::runtime_error(std::string(call) +
                               " failed: " + std::to_string(err));
  }

  static std::string lower(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return text;
  }

  // The first device of the first platform whose name or vendor contains
  // `fragment`.
  void findDevice(const std::string &fragment) {
    cl_uint count = 0;
    check(clGetPlatformIDs(0, nullptr, &count), "clGetPlatformIDs");
    std::vector<cl_platform_id> platforms(count);
    check(clGetPlatformIDs(count, platforms.data(), nullptr),
          "clGetPlatformIDs");
    for (cl_platform_id platform : platforms) {
      char name[256] = {}, vendor[256] = {};
      clGetPlatformInfo(platform, CL_PLATFORM_NAME, sizeof name - 1, name,
                        nullptr);
      clGetPlatformInfo(platform, CL_PLATFORM_VENDOR, sizeof vendor - 1, vendor,
                        nullptr);
      if (lower(std::string(name) + " " + vendor).find(lower(fragment)) ==
          std::string::npos)
        continue;
      if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &device, nullptr) !=
          CL_SUCCESS)
        continue;
      char deviceText[256] = {};
      clGetDeviceInfo(device, CL_DEVICE_NAME, sizeof deviceText - 1, deviceText,
                      nullptr);
      deviceName = deviceText;
      return;
    }
    throw std::runtime_error("no OpenCL platform matching '" + fragment + "'");
  }

  void createContext() {
    cl_int err = CL_SUCCESS;
    context = clCreateContext(nullptr, 1, &device, nullptr, nullptr, &err);
    check(err, "clCreateContext");
  }

  void build(cl_program program, const char *options) {
    cl_int err = clBuildProgram(program, 1, &device, options, nullptr, nullptr);
    if (err == CL_SUCCESS)
      return;
    std::size_t size = 0;
    clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, nullptr,
                          &size);
    std::string log(size, '\0');
    clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, size,
                          log.data(), nullptr);
    throw std::runtime_error("clBuildProgram failed: " + std::to_string(err) +
                             "\n" + log);
  }

  cl_program fromBinary(const std::string &bytes) {
    const unsigned char *data =
        reinterpret_cast<const unsigned char *>(bytes.data());
    std::size_t size = bytes.size();
    cl_int status = CL_SUCCESS, err = CL_SUCCESS;
    cl_program program = clCreateProgramWithBinary(context, 1, &device, &size,
                                                   &data, &status, &err);
    check(err != CL_SUCCESS ? err : status, "clCreateProgramWithBinary");
    return program;
  }
};

int openclSetup(const std::string &platform, const std::string &spirvPath,
                const std::string &spirPath, const std::string &outPath) {
  Cl cl;
  cl.findDevice(platform);
  cl.createContext();
  std::size_t ilSize = 0;
  cl.clGetDeviceInfo(cl.device, CL_DEVICE_IL_VERSION, 0, nullptr, &ilSize);
  std::string il(ilSize, '\0');
  cl.clGetDeviceInfo(cl.device, CL_DEVICE_IL_VERSION, ilSize, il.data(),
                     nullptr);
  cl_program program;
  // dpex's choice: SPIR-V where the device lists it, else the SPIR image.
  if (il.find("SPIR-V") != std::string::npos) {
    std::string spirv = readFile(spirvPath);
    cl_int err = CL_SUCCESS;
    program =
        cl.clCreateProgramWithIL(cl.context, spirv.data(), spirv.size(), &err);
    Cl::check(err, "clCreateProgramWithIL");
    cl.build(program, "");
  } else {
    program = cl.fromBinary(readFile(spirPath));
    cl.build(program, "-x spir -spir-std=1.2");
  }
  std::size_t size = 0;
  Cl::check(cl.clGetProgramInfo(program, CL_PROGRAM_BINARY_SIZES, sizeof size,
                                &size, nullptr),
            "clGetProgramInfo(CL_PROGRAM_BINARY_SIZES)");
  std::vector<unsigned char> binary(size);
  unsigned char *binaries[] = {binary.data()};
  Cl::check(cl.clGetProgramInfo(program, CL_PROGRAM_BINARIES, sizeof binaries,
                                binaries, nullptr),
            "clGetProgramInfo(CL_PROGRAM_BINARIES)");
  writeFile(outPath, binary.data(), size);
  std::printf("%s: %zu bytes from the %s image\n", cl.deviceName.c_str(), size,
              il.find("SPIR-V") != std::string::npos ? "spirv" : "spir");
  return 0;
}

int openclRun(const std::string &platform, const std::string &binaryPath,
              const std::string &entry, std::int64_t t0) {
  Times t{t0, monotonicNs(), 0, 0, 0, 0, 0, {}};
  Cl cl;
  cl.findDevice(platform);
  t.deviceName = cl.deviceName;
  t.device = monotonicNs();
  cl.createContext();
  cl_int err = CL_SUCCESS;
  cl_command_queue queue = cl.clCreateCommandQueueWithProperties(
      cl.context, cl.device, nullptr, &err);
  Cl::check(err, "clCreateCommandQueueWithProperties");
  t.queue = monotonicNs();

  Data data;
  std::string binary = readFile(binaryPath);
  cl_mem x =
      cl.clCreateBuffer(cl.context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                        kN * sizeof(float), data.x.data(), &err);
  Cl::check(err, "clCreateBuffer");
  cl_mem y =
      cl.clCreateBuffer(cl.context, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                        kN * sizeof(float), data.y.data(), &err);
  Cl::check(err, "clCreateBuffer");
  t.arrays = monotonicNs();

  cl_program program = cl.fromBinary(binary);
  cl.build(program, "");
  cl_kernel kernel = cl.clCreateKernel(program, entry.c_str(), &err);
  Cl::check(err, "clCreateKernel");
  // The saxpy's arguments, then the launch range dpexc appends to an item
  // kernel.
  float a = kA;
  std::uint64_t range = kN;
  Cl::check(cl.clSetKernelArg(kernel, 0, sizeof a, &a), "clSetKernelArg");
  Cl::check(cl.clSetKernelArg(kernel, 1, sizeof x, &x), "clSetKernelArg");
  Cl::check(cl.clSetKernelArg(kernel, 2, sizeof y, &y), "clSetKernelArg");
  Cl::check(cl.clSetKernelArg(kernel, 3, sizeof range, &range),
            "clSetKernelArg");
  std::size_t global = kN;
  Cl::check(cl.clEnqueueNDRangeKernel(queue, kernel, 1, nullptr, &global,
                                      nullptr, 0, nullptr, nullptr),
            "clEnqueueNDRangeKernel");
  Cl::check(cl.clFinish(queue), "clFinish");
  t.launched = monotonicNs();

  std::vector<float> out(kN);
  Cl::check(cl.clEnqueueReadBuffer(queue, y, CL_TRUE, 0, kN * sizeof(float),
                                   out.data(), 0, nullptr, nullptr),
            "clEnqueueReadBuffer");
  data.check(out);
  t.result = monotonicNs();
  t.print();
  return 0;
}

// ---- CUDA driver API (bench/raw_cuda.hpp's types, and cuLink*) ----

using bench::CUcontext;
using bench::CUdevice;
using bench::CUdeviceptr;
using bench::CUfunction;
using bench::CUmodule;
using bench::CUresult;
using bench::CUstream;
using CUlinkState = struct CUlinkState_st *;
constexpr int kJitInputPtx = 1; // CU_JIT_INPUT_PTX

struct Cu {
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuMemAlloc)(CUdeviceptr *, std::size_t);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, std::size_t);
  CUresult (*cuMemcpyDtoH)(void *, CUdeviceptr, std::size_t);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, CUstream, void **,
                             void **);
  CUresult (*cuLinkCreate)(unsigned, int *, void **, CUlinkState *);
  CUresult (*cuLinkAddData)(CUlinkState, int, void *, std::size_t, const char *,
                            unsigned, int *, void **);
  CUresult (*cuLinkComplete)(CUlinkState, void **, std::size_t *);
  CUresult (*cuLinkDestroy)(CUlinkState);

  CUdevice device = 0;
  CUcontext context = nullptr;
  std::string deviceName;

  Cu() {
    void *library = openLibrary("libcuda.so.1");
    resolve(library, "cuGetErrorName", cuGetErrorName);
    resolve(library, "cuInit", cuInit);
    resolve(library, "cuDeviceGet", cuDeviceGet);
    resolve(library, "cuDeviceGetName", cuDeviceGetName);
    resolve(library, "cuDevicePrimaryCtxRetain", cuDevicePrimaryCtxRetain);
    resolve(library, "cuCtxSetCurrent", cuCtxSetCurrent);
    resolve(library, "cuStreamCreate", cuStreamCreate);
    resolve(library, "cuStreamSynchronize", cuStreamSynchronize);
    resolve(library, "cuMemAlloc_v2", cuMemAlloc);
    resolve(library, "cuMemcpyHtoD_v2", cuMemcpyHtoD);
    resolve(library, "cuMemcpyDtoH_v2", cuMemcpyDtoH);
    resolve(library, "cuModuleLoadData", cuModuleLoadData);
    resolve(library, "cuModuleGetFunction", cuModuleGetFunction);
    resolve(library, "cuLaunchKernel", cuLaunchKernel);
    resolve(library, "cuLinkCreate_v2", cuLinkCreate);
    resolve(library, "cuLinkAddData_v2", cuLinkAddData);
    resolve(library, "cuLinkComplete", cuLinkComplete);
    resolve(library, "cuLinkDestroy", cuLinkDestroy);
  }

  void check(CUresult result, const char *call) const {
    if (result == 0)
      return;
    const char *name = "unknown";
    cuGetErrorName(result, &name);
    throw std::runtime_error(std::string(call) + " failed: " + name);
  }

  // Device 0 in its primary context, as dpex's cuda:0.
  void open() {
    check(cuInit(0), "cuInit");
    check(cuDeviceGet(&device, 0), "cuDeviceGet");
    char name[256] = {};
    check(cuDeviceGetName(name, sizeof name - 1, device), "cuDeviceGetName");
    deviceName = name;
  }
  void makeContext() {
    check(cuDevicePrimaryCtxRetain(&context, device),
          "cuDevicePrimaryCtxRetain");
    check(cuCtxSetCurrent(context), "cuCtxSetCurrent");
  }
};

int cudaSetup(const std::string &ptxPath, const std::string &cubinPath) {
  Cu cu;
  cu.open();
  cu.makeContext();
  std::string ptx = readFile(ptxPath); // c_str(): the JIT wants a NUL
  CUlinkState link = nullptr;
  cu.check(cu.cuLinkCreate(0, nullptr, nullptr, &link), "cuLinkCreate");
  cu.check(cu.cuLinkAddData(link, kJitInputPtx, ptx.data(), ptx.size() + 1,
                            "first_call.ptx", 0, nullptr, nullptr),
           "cuLinkAddData");
  void *cubin = nullptr;
  std::size_t size = 0;
  cu.check(cu.cuLinkComplete(link, &cubin, &size), "cuLinkComplete");
  writeFile(cubinPath, cubin, size);
  cu.check(cu.cuLinkDestroy(link), "cuLinkDestroy");
  std::printf("%s: %zu bytes of cubin\n", cu.deviceName.c_str(), size);
  return 0;
}

int cudaRun(const std::string &cubinPath, const std::string &entry,
            std::int64_t t0) {
  Times t{t0, monotonicNs(), 0, 0, 0, 0, 0, {}};
  Cu cu;
  cu.open();
  t.deviceName = cu.deviceName;
  t.device = monotonicNs();
  cu.makeContext();
  CUstream stream = nullptr;
  cu.check(cu.cuStreamCreate(&stream, 0), "cuStreamCreate");
  t.queue = monotonicNs();

  Data data;
  std::string cubin = readFile(cubinPath);
  CUdeviceptr x = 0, y = 0;
  cu.check(cu.cuMemAlloc(&x, kN * sizeof(float)), "cuMemAlloc");
  cu.check(cu.cuMemAlloc(&y, kN * sizeof(float)), "cuMemAlloc");
  cu.check(cu.cuMemcpyHtoD(x, data.x.data(), kN * sizeof(float)),
           "cuMemcpyHtoD");
  cu.check(cu.cuMemcpyHtoD(y, data.y.data(), kN * sizeof(float)),
           "cuMemcpyHtoD");
  t.arrays = monotonicNs();

  CUmodule module = nullptr;
  cu.check(cu.cuModuleLoadData(&module, cubin.data()), "cuModuleLoadData");
  CUfunction f = nullptr;
  cu.check(cu.cuModuleGetFunction(&f, module, entry.c_str()),
           "cuModuleGetFunction");
  float a = kA;
  std::uint64_t range = kN;
  void *params[] = {&a, &x, &y, &range};
  cu.check(cu.cuLaunchKernel(f, kN / 256, 1, 1, 256, 1, 1, 0, stream, params,
                             nullptr),
           "cuLaunchKernel");
  cu.check(cu.cuStreamSynchronize(stream), "cuStreamSynchronize");
  t.launched = monotonicNs();

  std::vector<float> out(kN);
  cu.check(cu.cuMemcpyDtoH(out.data(), y, kN * sizeof(float)), "cuMemcpyDtoH");
  data.check(out);
  t.result = monotonicNs();
  t.print();
  return 0;
}

} // namespace

int main(int argc, char **argv) try {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "opencl-setup" && argc == 6)
    return openclSetup(argv[2], argv[3], argv[4], argv[5]);
  if (mode == "opencl" && argc == 6)
    return openclRun(argv[2], argv[3], argv[4],
                     std::strtoll(argv[5], nullptr, 10));
  if (mode == "cuda-setup" && argc == 4)
    return cudaSetup(argv[2], argv[3]);
  if (mode == "cuda" && argc == 5)
    return cudaRun(argv[2], argv[3], std::strtoll(argv[4], nullptr, 10));
  std::fprintf(stderr,
               "usage: %s opencl-setup PLATFORM SPIRV SPIR BINARY | opencl "
               "PLATFORM BINARY ENTRY T0 | cuda-setup PTX CUBIN | cuda CUBIN "
               "ENTRY T0\n",
               argv[0]);
  return 2;
} catch (const std::exception &e) {
  std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
  return 1;
}
