// The OpenCL entry points the backend uses, resolved at run time from
// libOpenCL.so.1 (core/DriverLibrary.h) so that the runtime never links
// against OpenCL.
#pragma once

#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>

#include <string>

namespace dpex::rt::opencl {

// X(name): entry points the backend cannot work without.
#define DPEX_OPENCL_REQUIRED_FUNCTIONS(X)                                      \
  X(clGetPlatformIDs)                                                          \
  X(clGetPlatformInfo)                                                         \
  X(clGetDeviceIDs)                                                            \
  X(clGetDeviceInfo)                                                           \
  X(clCreateContext)                                                           \
  X(clReleaseContext)                                                          \
  X(clCreateCommandQueueWithProperties)                                        \
  X(clReleaseCommandQueue)                                                     \
  X(clFlush)                                                                   \
  X(clFinish)                                                                  \
  X(clSVMAlloc)                                                                \
  X(clSVMFree)                                                                 \
  X(clEnqueueSVMMemcpy)                                                        \
  X(clCreateProgramWithBinary)                                                 \
  X(clBuildProgram)                                                            \
  X(clGetProgramBuildInfo)                                                     \
  X(clGetProgramInfo)                                                          \
  X(clReleaseProgram)                                                          \
  X(clCreateKernel)                                                            \
  X(clReleaseKernel)                                                           \
  X(clGetKernelWorkGroupInfo)                                                  \
  X(clSetKernelArg)                                                            \
  X(clSetKernelArgSVMPointer)                                                  \
  X(clEnqueueNDRangeKernel)                                                    \
  X(clEnqueueMarkerWithWaitList)                                               \
  X(clWaitForEvents)                                                           \
  X(clGetEventInfo)                                                            \
  X(clGetEventProfilingInfo)                                                   \
  X(clSetEventCallback)                                                        \
  X(clReleaseEvent)

// X(name): entry points only some devices need (OpenCL 2.1+), or used where
// present.
#define DPEX_OPENCL_OPTIONAL_FUNCTIONS(X)                                      \
  X(clCreateProgramWithIL)                                                     \
  X(clEnqueueSVMFree)                                                          \
  X(clCloneKernel)                                                             \
  X(clGetExtensionFunctionAddressForPlatform)                                  \
  X(clCreateUserEvent)                                                         \
  X(clSetUserEventStatus)

struct OpenCLApi {
#define DPEX_DECLARE_POINTER(name) decltype(&::name) name = nullptr;
  DPEX_OPENCL_REQUIRED_FUNCTIONS(DPEX_DECLARE_POINTER)
  DPEX_OPENCL_OPTIONAL_FUNCTIONS(DPEX_DECLARE_POINTER)
#undef DPEX_DECLARE_POINTER
};

// Loads libOpenCL.so.1 once per process. Returns null and sets `error` if
// the library or a required entry point is missing.
const OpenCLApi *loadOpenCL(std::string &error);

} // namespace dpex::rt::opencl
