// The CUDA driver entry points the backend uses, resolved at run time from
// libcuda.so.1 (core/DriverLibrary.h). No CUDA header is needed to build the
// runtime: the few types and constants below are declared here with the driver
// ABI's values.
#pragma once

#include <cstddef>
#include <string>

namespace dpex::rt::cuda {

using CUresult = int;
using CUdevice = int;
using CUdeviceptr = unsigned long long;
using CUcontext = struct CUctx_st *;
using CUstream = struct CUstream_st *;
using CUevent = struct CUevent_st *;
using CUmodule = struct CUmod_st *;
using CUfunction = struct CUfunc_st *;
using CUlinkState = struct CUlinkState_st *;
using CUgraph = struct CUgraph_st *;
using CUgraphExec = struct CUgraphExec_st *;
using CUhostFn = void (*)(void *);

constexpr CUresult CUDA_SUCCESS = 0;
constexpr CUresult CUDA_ERROR_INVALID_VALUE = 1;
constexpr CUresult CUDA_ERROR_OUT_OF_MEMORY = 2;
constexpr CUresult CUDA_ERROR_NOT_READY = 600;
constexpr CUresult CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED = 712;

// CUdevice_attribute
constexpr int CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1;
constexpr int CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X = 2; // Y, Z follow
constexpr int CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X = 5;  // Y, Z follow
constexpr int CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK = 8;
constexpr int CU_DEVICE_ATTRIBUTE_WARP_SIZE = 10;
constexpr int CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16;
constexpr int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75;
constexpr int CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76;
constexpr int CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97;

// CUfunction_attribute
constexpr int CU_FUNC_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 0;
constexpr int CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES = 1;
constexpr int CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8;

// CUjit_option
constexpr int CU_JIT_INFO_LOG_BUFFER = 3;
constexpr int CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES = 4;
constexpr int CU_JIT_ERROR_LOG_BUFFER = 5;
constexpr int CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6;

// CUjitInputType
constexpr int CU_JIT_INPUT_PTX = 1;

constexpr unsigned CU_STREAM_NON_BLOCKING = 0x1;
constexpr unsigned CU_MEMHOSTREGISTER_PORTABLE = 0x1;
constexpr unsigned CU_EVENT_DEFAULT = 0x0; // timing enabled
constexpr unsigned CU_EVENT_DISABLE_TIMING = 0x2;
// CUstreamCaptureMode: only this thread's unsafe calls end a capture.
constexpr int CU_STREAM_CAPTURE_MODE_THREAD_LOCAL = 1;

// X(name, version, (parameters)): entry points the backend cannot work
// without, each resolved as the symbol `name` followed by `version`. The _v2
// names are the current ABI (64-bit sizes, context stack semantics); the
// unsuffixed ones are kept only for old binaries. Every one returns CUresult.
#define DPEX_CUDA_REQUIRED_FUNCTIONS(X)                                        \
  X(cuGetErrorName, "", (CUresult, const char **))                             \
  X(cuGetErrorString, "", (CUresult, const char **))                           \
  X(cuInit, "", (unsigned))                                                    \
  X(cuDriverGetVersion, "", (int *))                                           \
  X(cuDeviceGetCount, "", (int *))                                             \
  X(cuDeviceGet, "", (CUdevice *, int))                                        \
  X(cuDeviceGetName, "", (char *, int, CUdevice))                              \
  X(cuDeviceGetAttribute, "", (int *, int, CUdevice))                          \
  X(cuDevicePrimaryCtxRetain, "", (CUcontext *, CUdevice))                     \
  X(cuDevicePrimaryCtxRelease, "_v2", (CUdevice))                              \
  X(cuCtxPushCurrent, "_v2", (CUcontext))                                      \
  X(cuCtxPopCurrent, "_v2", (CUcontext *))                                     \
  X(cuCtxGetCurrent, "", (CUcontext *))                                        \
  X(cuStreamCreate, "", (CUstream *, unsigned))                                \
  X(cuStreamDestroy, "_v2", (CUstream))                                        \
  X(cuStreamSynchronize, "", (CUstream))                                       \
  X(cuStreamWaitEvent, "", (CUstream, CUevent, unsigned))                      \
  X(cuEventCreate, "", (CUevent *, unsigned))                                  \
  X(cuEventRecord, "", (CUevent, CUstream))                                    \
  X(cuEventQuery, "", (CUevent))                                               \
  X(cuEventSynchronize, "", (CUevent))                                         \
  X(cuEventElapsedTime, "", (float *, CUevent, CUevent))                       \
  X(cuEventDestroy, "_v2", (CUevent))                                          \
  X(cuMemAlloc, "_v2", (CUdeviceptr *, std::size_t))                           \
  X(cuMemFree, "_v2", (CUdeviceptr))                                           \
  X(cuMemcpyHtoDAsync, "_v2",                                                  \
    (CUdeviceptr, const void *, std::size_t, CUstream))                        \
  X(cuMemcpyDtoHAsync, "_v2", (void *, CUdeviceptr, std::size_t, CUstream))    \
  X(cuMemcpyDtoDAsync, "_v2",                                                  \
    (CUdeviceptr, CUdeviceptr, std::size_t, CUstream))                         \
  X(cuMemHostRegister, "_v2", (void *, std::size_t, unsigned))                 \
  X(cuMemHostUnregister, "", (void *))                                         \
  X(cuMemAllocHost, "_v2", (void **, std::size_t))                             \
  X(cuMemFreeHost, "", (void *))                                               \
  X(cuLaunchHostFunc, "", (CUstream, CUhostFn, void *))                        \
  X(cuMemcpyPeerAsync, "",                                                     \
    (CUdeviceptr, CUcontext, CUdeviceptr, CUcontext, std::size_t, CUstream))   \
  X(cuCtxEnablePeerAccess, "", (CUcontext, unsigned))                          \
  X(cuModuleLoadDataEx, "",                                                    \
    (CUmodule *, const void *, unsigned, int *, void **))                      \
  X(cuModuleLoadData, "", (CUmodule *, const void *))                          \
  X(cuLinkCreate, "_v2", (unsigned, int *, void **, CUlinkState *))            \
  X(cuLinkAddData, "_v2",                                                      \
    (CUlinkState, int, void *, std::size_t, const char *, unsigned, int *,     \
     void **))                                                                 \
  X(cuLinkComplete, "", (CUlinkState, void **, std::size_t *))                 \
  X(cuLinkDestroy, "", (CUlinkState))                                          \
  X(cuModuleUnload, "", (CUmodule))                                            \
  X(cuModuleGetFunction, "", (CUfunction *, CUmodule, const char *))           \
  X(cuFuncGetAttribute, "", (int *, int, CUfunction))                          \
  X(cuFuncSetAttribute, "", (CUfunction, int, int))                            \
  X(cuLaunchKernel, "",                                                        \
    (CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned,   \
     unsigned, CUstream, void **, void **))

// X(name, version, (parameters)): entry points only some drivers have.
// Graphs: stream capture with a mode (_v2, CUDA 10.1) and
// cuGraphInstantiateWithFlags (CUDA 11.4; cuda.h of 12.x and 13.x maps
// cuGraphInstantiate to it). Without them dpex::graph replays through
// single launches.
#define DPEX_CUDA_OPTIONAL_FUNCTIONS(X)                                        \
  X(cuStreamBeginCapture, "_v2", (CUstream, int))                              \
  X(cuStreamEndCapture, "", (CUstream, CUgraph *))                             \
  X(cuGraphInstantiateWithFlags, "",                                           \
    (CUgraphExec *, CUgraph, unsigned long long))                              \
  X(cuGraphLaunch, "", (CUgraphExec, CUstream))                                \
  X(cuGraphExecDestroy, "", (CUgraphExec))                                     \
  X(cuGraphDestroy, "", (CUgraph))

struct CudaApi {
#define DPEX_DECLARE_POINTER(name, version, parameters)                        \
  CUresult(*name) parameters = nullptr;
  DPEX_CUDA_REQUIRED_FUNCTIONS(DPEX_DECLARE_POINTER)
  DPEX_CUDA_OPTIONAL_FUNCTIONS(DPEX_DECLARE_POINTER)
#undef DPEX_DECLARE_POINTER
};

// Loads libcuda.so.1 once per process. Returns null and sets `error` if the
// library or a required entry point is missing.
const CudaApi *loadCuda(std::string &error);

} // namespace dpex::rt::cuda
