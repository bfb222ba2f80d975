// The raw OpenCL baseline: the driver API called directly, on the device the
// dpex queue runs on, in a context of its own. libOpenCL is dlopen'ed (as the
// runtime does), so the bench runs where only CUDA is installed.
#pragma once

#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>

#include <cstddef>
#include <string>
#include <vector>

namespace bench {

#define BENCH_CL_FUNCTIONS(X)                                                  \
  X(clGetPlatformIDs)                                                          \
  X(clGetPlatformInfo)                                                         \
  X(clGetDeviceIDs)                                                            \
  X(clGetDeviceInfo)                                                           \
  X(clCreateContext)                                                           \
  X(clReleaseContext)                                                          \
  X(clCreateCommandQueueWithProperties)                                        \
  X(clReleaseCommandQueue)                                                     \
  X(clCreateProgramWithSource)                                                 \
  X(clBuildProgram)                                                            \
  X(clGetProgramBuildInfo)                                                     \
  X(clReleaseProgram)                                                          \
  X(clCreateKernel)                                                            \
  X(clReleaseKernel)                                                           \
  X(clSetKernelArg)                                                            \
  X(clSetKernelArgSVMPointer)                                                  \
  X(clEnqueueNDRangeKernel)                                                    \
  X(clEnqueueSVMMemcpy)                                                        \
  X(clFinish)                                                                  \
  X(clFlush)                                                                   \
  X(clWaitForEvents)                                                           \
  X(clSetEventCallback)                                                        \
  X(clReleaseEvent)                                                            \
  X(clGetEventProfilingInfo)                                                   \
  X(clSVMAlloc)                                                                \
  X(clSVMFree)

struct ClApi {
#define BENCH_CL_POINTER(name) decltype(&::name) name = nullptr;
  BENCH_CL_FUNCTIONS(BENCH_CL_POINTER)
#undef BENCH_CL_POINTER
};

// Throws std::runtime_error naming the call and the error code.
void clCheck(cl_int err, const char *call);

// A context and an in-order profiling queue (the properties dpex's OpenCL
// queues have) on the OpenCL device called `deviceName` on the platform
// called `platformName` (two CPU runtimes may name the same CPU alike).
class RawOpenCL {
public:
  // Throws if libOpenCL or the device is missing.
  RawOpenCL(const std::string &deviceName, const std::string &platformName);
  ~RawOpenCL();
  RawOpenCL(const RawOpenCL &) = delete;
  RawOpenCL &operator=(const RawOpenCL &) = delete;

  const ClApi &api() const { return api_; }
  cl_device_id device() const { return device_; }
  cl_context context() const { return context_; }
  // With profiling, for kernel and copy times.
  cl_command_queue queue() const { return queue_; }
  // Without, as a dpex::queue is by default: for dispatch costs.
  cl_command_queue plainQueue() const { return plainQueue_; }

  // Builds OpenCL C from source with the driver's compiler; throws with the
  // build log on failure.
  cl_program build(const std::string &source, const char *options);
  cl_kernel kernel(cl_program program, const char *name);

  // Coarse-grained SVM, the memory dpex arrays use on OpenCL.
  void *alloc(std::size_t bytes);
  void free(void *p);
  void copy(void *dst, const void *src, std::size_t bytes);

  // Runs `k` (arguments already set) and returns its device time in ns from
  // the event's profiling counters.
  double timedLaunch(cl_kernel k, cl_uint dims, const std::size_t *global,
                     const std::size_t *local);
  // A device-to-device copy's time in ns from its profiling counters.
  double timedCopy(void *dst, const void *src, std::size_t bytes);

private:
  ClApi api_;
  cl_device_id device_ = nullptr;
  cl_context context_ = nullptr;
  cl_command_queue queue_ = nullptr;
  cl_command_queue plainQueue_ = nullptr;
  std::vector<cl_program> programs_;
  std::vector<cl_kernel> kernels_;
};

} // namespace bench
