// The raw CUDA baseline: the driver API of libcuda.so.1, dlopen'ed and
// declared here (as the runtime does), so building the bench needs no CUDA
// toolkit. It runs in the device's primary context, the one dpex uses.
#pragma once

#include <cstddef>
#include <string>

namespace bench {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUstream = struct CUstream_st *;
using CUevent = struct CUevent_st *;

// cuEventCreate's flag for events that only order and complete.
constexpr unsigned kEventDisableTiming = 0x2;

struct CuApi {
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuCtxGetCurrent)(CUcontext *);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*cuEventCreate)(CUevent *, unsigned);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuEventQuery)(CUevent);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuEventElapsedTime)(float *, CUevent, CUevent);
  CUresult (*cuEventDestroy)(CUevent);
  CUresult (*cuMemAlloc)(CUdeviceptr *, std::size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, std::size_t);
  CUresult (*cuMemcpyDtoH)(void *, CUdeviceptr, std::size_t);
  CUresult (*cuMemcpyDtoDAsync)(CUdeviceptr, CUdeviceptr, std::size_t,
                                CUstream);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, unsigned, CUstream, void **,
                             void **);
};

class RawCuda {
public:
  // Throws if libcuda.so.1 or a device called `deviceName` is missing.
  explicit RawCuda(const std::string &deviceName);
  RawCuda(const RawCuda &) = delete;
  RawCuda &operator=(const RawCuda &) = delete;

  const CuApi &api() const { return api_; }
  CUstream stream() const { return stream_; }
  void check(CUresult result, const char *call) const;

  // Loads PTX text from `path` (nvcc -ptx output); throws if unreadable.
  CUmodule loadPtx(const std::string &path);
  CUfunction function(CUmodule module, const char *name);

  CUdeviceptr alloc(std::size_t bytes);
  void free(CUdeviceptr p);

  struct Dim3 {
    unsigned x, y, z;
  };
  // Launches on the bench's stream and returns the kernel's time in ns
  // between two events recorded around it.
  double timedLaunch(CUfunction f, Dim3 grid, Dim3 block, unsigned sharedBytes,
                     void **params);
  double timedCopy(CUdeviceptr dst, CUdeviceptr src, std::size_t bytes);

private:
  template <typename Enqueue> double timed(Enqueue enqueue);

  CuApi api_{};
  CUcontext context_ = nullptr;
  CUstream stream_ = nullptr;
  CUevent start_ = nullptr, end_ = nullptr;
};

} // namespace bench
