#include "CudaLoader.h"

#include <dlfcn.h>

namespace dpex::rt::cuda {

namespace {

struct LoadResult {
  CudaApi api{};
  bool ok = false;
  std::string error;
};

template <typename F>
bool resolve(void *library, const char *symbol, F &out, std::string &error) {
  out = reinterpret_cast<F>(dlsym(library, symbol));
  if (!out)
    error = std::string("libcuda.so.1 lacks ") + symbol;
  return out != nullptr;
}

LoadResult load() {
  LoadResult result;
  // By soname only: the driver is installed with the kernel module, never
  // shipped with an application.
  void *library = dlopen("libcuda.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    const char *why = dlerror();
    result.error = std::string("no CUDA driver (libcuda.so.1) found: ") +
                   (why ? why : "unknown error");
    return result;
  }
  CudaApi &api = result.api;
  std::string &error = result.error;
  // The _v2 names are the current ABI (64-bit sizes, context stack
  // semantics); the unsuffixed ones are kept only for old binaries.
  bool ok =
      resolve(library, "cuGetErrorName", api.cuGetErrorName, error) &&
      resolve(library, "cuGetErrorString", api.cuGetErrorString, error) &&
      resolve(library, "cuInit", api.cuInit, error) &&
      resolve(library, "cuDriverGetVersion", api.cuDriverGetVersion, error) &&
      resolve(library, "cuDeviceGetCount", api.cuDeviceGetCount, error) &&
      resolve(library, "cuDeviceGet", api.cuDeviceGet, error) &&
      resolve(library, "cuDeviceGetName", api.cuDeviceGetName, error) &&
      resolve(library, "cuDeviceGetAttribute", api.cuDeviceGetAttribute,
              error) &&
      resolve(library, "cuDevicePrimaryCtxRetain", api.cuDevicePrimaryCtxRetain,
              error) &&
      resolve(library, "cuDevicePrimaryCtxRelease_v2",
              api.cuDevicePrimaryCtxRelease, error) &&
      resolve(library, "cuCtxPushCurrent_v2", api.cuCtxPushCurrent, error) &&
      resolve(library, "cuCtxPopCurrent_v2", api.cuCtxPopCurrent, error) &&
      resolve(library, "cuCtxGetCurrent", api.cuCtxGetCurrent, error) &&
      resolve(library, "cuStreamCreate", api.cuStreamCreate, error) &&
      resolve(library, "cuStreamDestroy_v2", api.cuStreamDestroy, error) &&
      resolve(library, "cuStreamSynchronize", api.cuStreamSynchronize, error) &&
      resolve(library, "cuStreamWaitEvent", api.cuStreamWaitEvent, error) &&
      resolve(library, "cuEventCreate", api.cuEventCreate, error) &&
      resolve(library, "cuEventRecord", api.cuEventRecord, error) &&
      resolve(library, "cuEventQuery", api.cuEventQuery, error) &&
      resolve(library, "cuEventSynchronize", api.cuEventSynchronize, error) &&
      resolve(library, "cuEventElapsedTime", api.cuEventElapsedTime, error) &&
      resolve(library, "cuEventDestroy_v2", api.cuEventDestroy, error) &&
      resolve(library, "cuMemAlloc_v2", api.cuMemAlloc, error) &&
      resolve(library, "cuMemFree_v2", api.cuMemFree, error) &&
      resolve(library, "cuMemcpyHtoDAsync_v2", api.cuMemcpyHtoDAsync, error) &&
      resolve(library, "cuMemcpyDtoHAsync_v2", api.cuMemcpyDtoHAsync, error) &&
      resolve(library, "cuMemcpyDtoDAsync_v2", api.cuMemcpyDtoDAsync, error) &&
      resolve(library, "cuMemcpyPeerAsync", api.cuMemcpyPeerAsync, error) &&
      resolve(library, "cuCtxEnablePeerAccess", api.cuCtxEnablePeerAccess,
              error) &&
      resolve(library, "cuModuleLoadDataEx", api.cuModuleLoadDataEx, error) &&
      resolve(library, "cuModuleLoadData", api.cuModuleLoadData, error) &&
      resolve(library, "cuLinkCreate_v2", api.cuLinkCreate, error) &&
      resolve(library, "cuLinkAddData_v2", api.cuLinkAddData, error) &&
      resolve(library, "cuLinkComplete", api.cuLinkComplete, error) &&
      resolve(library, "cuLinkDestroy", api.cuLinkDestroy, error) &&
      resolve(library, "cuModuleUnload", api.cuModuleUnload, error) &&
      resolve(library, "cuModuleGetFunction", api.cuModuleGetFunction, error) &&
      resolve(library, "cuFuncGetAttribute", api.cuFuncGetAttribute, error) &&
      resolve(library, "cuFuncSetAttribute", api.cuFuncSetAttribute, error) &&
      resolve(library, "cuLaunchKernel", api.cuLaunchKernel, error);
  if (!ok) {
    dlclose(library);
    return result;
  }
  // The library stays loaded for the life of the process.
  result.ok = true;
  return result;
}

} // namespace

const CudaApi *loadCuda(std::string &error) {
  static const LoadResult result = load();
  if (!result.ok) {
    error = result.error;
    return nullptr;
  }
  return &result.api;
}

} // namespace dpex::rt::cuda
