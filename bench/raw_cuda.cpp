#include "raw_cuda.hpp"

#include <dlfcn.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace bench {

namespace {

// cuda.h's values for the few constants used here.
constexpr unsigned kStreamNonBlocking = 0x1;
constexpr unsigned kEventDefault = 0x0;

template <typename F> void resolve(void *library, const char *symbol, F &out) {
  out = reinterpret_cast<F>(dlsym(library, symbol));
  if (!out)
    throw std::runtime_error(std::string("libcuda.so.1 lacks ") + symbol);
}

} // namespace

void RawCuda::check(CUresult result, const char *call) const {
  if (result == 0)
    return;
  const char *name = "unknown";
  api_.cuGetErrorName(result, &name);
  throw std::runtime_error(std::string(call) + " failed: " + name);
}

RawCuda::RawCuda(const std::string &deviceName) {
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw std::runtime_error("libcuda.so.1 not found");
  resolve(library, "cuGetErrorName", api_.cuGetErrorName);
  resolve(library, "cuInit", api_.cuInit);
  resolve(library, "cuDeviceGetCount", api_.cuDeviceGetCount);
  resolve(library, "cuDeviceGet", api_.cuDeviceGet);
  resolve(library, "cuDeviceGetName", api_.cuDeviceGetName);
  resolve(library, "cuDevicePrimaryCtxRetain", api_.cuDevicePrimaryCtxRetain);
  resolve(library, "cuCtxSetCurrent", api_.cuCtxSetCurrent);
  resolve(library, "cuCtxGetCurrent", api_.cuCtxGetCurrent);
  resolve(library, "cuStreamCreate", api_.cuStreamCreate);
  resolve(library, "cuStreamSynchronize", api_.cuStreamSynchronize);
  resolve(library, "cuStreamWaitEvent", api_.cuStreamWaitEvent);
  resolve(library, "cuEventCreate", api_.cuEventCreate);
  resolve(library, "cuEventRecord", api_.cuEventRecord);
  resolve(library, "cuEventQuery", api_.cuEventQuery);
  resolve(library, "cuEventSynchronize", api_.cuEventSynchronize);
  resolve(library, "cuEventElapsedTime", api_.cuEventElapsedTime);
  resolve(library, "cuEventDestroy_v2", api_.cuEventDestroy);
  resolve(library, "cuMemAlloc_v2", api_.cuMemAlloc);
  resolve(library, "cuMemFree_v2", api_.cuMemFree);
  resolve(library, "cuMemcpyHtoD_v2", api_.cuMemcpyHtoD);
  resolve(library, "cuMemcpyDtoH_v2", api_.cuMemcpyDtoH);
  resolve(library, "cuMemcpyDtoDAsync_v2", api_.cuMemcpyDtoDAsync);
  resolve(library, "cuModuleLoadData", api_.cuModuleLoadData);
  resolve(library, "cuModuleGetFunction", api_.cuModuleGetFunction);
  resolve(library, "cuLaunchKernel", api_.cuLaunchKernel);

  check(api_.cuInit(0), "cuInit");
  int count = 0;
  check(api_.cuDeviceGetCount(&count), "cuDeviceGetCount");
  for (int i = 0; i < count && !context_; ++i) {
    CUdevice device = 0;
    check(api_.cuDeviceGet(&device, i), "cuDeviceGet");
    char name[256] = {};
    check(api_.cuDeviceGetName(name, sizeof name - 1, device),
          "cuDeviceGetName");
    if (deviceName == name)
      check(api_.cuDevicePrimaryCtxRetain(&context_, device),
            "cuDevicePrimaryCtxRetain");
  }
  if (!context_)
    throw std::runtime_error("no CUDA device named '" + deviceName + "'");
  // The bench thread keeps this context current; dpex pushes and pops its
  // own around each driver call and leaves it so.
  check(api_.cuCtxSetCurrent(context_), "cuCtxSetCurrent");
  // Non-blocking, like the streams of dpex queues.
  check(api_.cuStreamCreate(&stream_, kStreamNonBlocking), "cuStreamCreate");
  check(api_.cuEventCreate(&start_, kEventDefault), "cuEventCreate");
  check(api_.cuEventCreate(&end_, kEventDefault), "cuEventCreate");
}

CUmodule RawCuda::loadPtx(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  std::string ptx = text.str();
  CUmodule module = nullptr;
  check(api_.cuModuleLoadData(&module, ptx.c_str()), "cuModuleLoadData");
  return module;
}

CUfunction RawCuda::function(CUmodule module, const char *name) {
  CUfunction f = nullptr;
  check(api_.cuModuleGetFunction(&f, module, name), "cuModuleGetFunction");
  return f;
}

CUdeviceptr RawCuda::alloc(std::size_t bytes) {
  CUdeviceptr p = 0;
  check(api_.cuMemAlloc(&p, bytes), "cuMemAlloc");
  return p;
}

void RawCuda::free(CUdeviceptr p) { api_.cuMemFree(p); }

template <typename Enqueue> double RawCuda::timed(Enqueue enqueue) {
  check(api_.cuEventRecord(start_, stream_), "cuEventRecord");
  enqueue();
  check(api_.cuEventRecord(end_, stream_), "cuEventRecord");
  check(api_.cuEventSynchronize(end_), "cuEventSynchronize");
  float ms = 0.0f;
  check(api_.cuEventElapsedTime(&ms, start_, end_), "cuEventElapsedTime");
  return ms * 1e6;
}

double RawCuda::timedLaunch(CUfunction f, Dim3 grid, Dim3 block,
                            unsigned sharedBytes, void **params) {
  return timed([&] {
    check(api_.cuLaunchKernel(f, grid.x, grid.y, grid.z, block.x, block.y,
                              block.z, sharedBytes, stream_, params, nullptr),
          "cuLaunchKernel");
  });
}

double RawCuda::timedCopy(CUdeviceptr dst, CUdeviceptr src, std::size_t bytes) {
  return timed([&] {
    check(api_.cuMemcpyDtoDAsync(dst, src, bytes, stream_),
          "cuMemcpyDtoDAsync");
  });
}

} // namespace bench
