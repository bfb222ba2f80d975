#include "raw_opencl.hpp"

#include <dlfcn.h>

#include <stdexcept>

namespace bench {

void clCheck(cl_int err, const char *call) {
  if (err != CL_SUCCESS)
    throw std::runtime_error(std::string(call) +
                             " failed: " + std::to_string(err));
}

namespace {

ClApi loadOpenCL() {
  void *library = dlopen("libOpenCL.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!library)
    throw std::runtime_error("libOpenCL.so.1 not found");
  ClApi api;
#define BENCH_CL_RESOLVE(name)                                                 \
  api.name = reinterpret_cast<decltype(&::name)>(dlsym(library, #name));       \
  if (!api.name)                                                               \
    throw std::runtime_error("libOpenCL.so.1 lacks " #name);
  BENCH_CL_FUNCTIONS(BENCH_CL_RESOLVE)
#undef BENCH_CL_RESOLVE
  return api;
}

double profiledNs(const ClApi &api, cl_event event) {
  clCheck(api.clWaitForEvents(1, &event), "clWaitForEvents");
  cl_ulong start = 0, end = 0;
  clCheck(api.clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_START,
                                      sizeof start, &start, nullptr),
          "clGetEventProfilingInfo");
  clCheck(api.clGetEventProfilingInfo(event, CL_PROFILING_COMMAND_END,
                                      sizeof end, &end, nullptr),
          "clGetEventProfilingInfo");
  api.clReleaseEvent(event);
  return static_cast<double>(end - start);
}

} // namespace

RawOpenCL::RawOpenCL(const std::string &deviceName,
                     const std::string &platformName)
    : api_(loadOpenCL()) {
  cl_uint numPlatforms = 0;
  clCheck(api_.clGetPlatformIDs(0, nullptr, &numPlatforms), "clGetPlatformIDs");
  std::vector<cl_platform_id> platforms(numPlatforms);
  clCheck(api_.clGetPlatformIDs(numPlatforms, platforms.data(), nullptr),
          "clGetPlatformIDs");
  for (cl_platform_id platform : platforms) {
    char platformText[256] = {};
    api_.clGetPlatformInfo(platform, CL_PLATFORM_NAME, sizeof platformText - 1,
                           platformText, nullptr);
    if (platformName != platformText)
      continue;
    cl_uint numDevices = 0;
    if (api_.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr,
                            &numDevices) != CL_SUCCESS)
      continue;
    std::vector<cl_device_id> devices(numDevices);
    api_.clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, numDevices,
                        devices.data(), nullptr);
    for (cl_device_id device : devices) {
      char name[256] = {};
      api_.clGetDeviceInfo(device, CL_DEVICE_NAME, sizeof name - 1, name,
                           nullptr);
      if (deviceName == name) {
        device_ = device;
        break;
      }
    }
    if (device_)
      break;
  }
  if (!device_)
    throw std::runtime_error("no OpenCL device named '" + deviceName +
                             "' on platform '" + platformName + "'");
  cl_int err = CL_SUCCESS;
  context_ = api_.clCreateContext(nullptr, 1, &device_, nullptr, nullptr, &err);
  clCheck(err, "clCreateContext");
  const cl_queue_properties props[] = {CL_QUEUE_PROPERTIES,
                                       CL_QUEUE_PROFILING_ENABLE, 0};
  queue_ =
      api_.clCreateCommandQueueWithProperties(context_, device_, props, &err);
  clCheck(err, "clCreateCommandQueueWithProperties");
  plainQueue_ =
      api_.clCreateCommandQueueWithProperties(context_, device_, nullptr, &err);
  clCheck(err, "clCreateCommandQueueWithProperties");
}

RawOpenCL::~RawOpenCL() {
  api_.clFinish(queue_);
  for (cl_kernel k : kernels_)
    api_.clReleaseKernel(k);
  for (cl_program p : programs_)
    api_.clReleaseProgram(p);
  api_.clFinish(plainQueue_);
  api_.clReleaseCommandQueue(plainQueue_);
  api_.clReleaseCommandQueue(queue_);
  api_.clReleaseContext(context_);
}

cl_program RawOpenCL::build(const std::string &source, const char *options) {
  const char *text = source.c_str();
  std::size_t length = source.size();
  cl_int err = CL_SUCCESS;
  cl_program program =
      api_.clCreateProgramWithSource(context_, 1, &text, &length, &err);
  clCheck(err, "clCreateProgramWithSource");
  programs_.push_back(program);
  err = api_.clBuildProgram(program, 1, &device_, options, nullptr, nullptr);
  if (err != CL_SUCCESS) {
    std::size_t size = 0;
    api_.clGetProgramBuildInfo(program, device_, CL_PROGRAM_BUILD_LOG, 0,
                               nullptr, &size);
    std::string log(size, '\0');
    api_.clGetProgramBuildInfo(program, device_, CL_PROGRAM_BUILD_LOG, size,
                               log.data(), nullptr);
    throw std::runtime_error("clBuildProgram failed (" + std::to_string(err) +
                             "):\n" + log);
  }
  return program;
}

cl_kernel RawOpenCL::kernel(cl_program program, const char *name) {
  cl_int err = CL_SUCCESS;
  cl_kernel k = api_.clCreateKernel(program, name, &err);
  clCheck(err, "clCreateKernel");
  kernels_.push_back(k);
  return k;
}

void *RawOpenCL::alloc(std::size_t bytes) {
  void *p = api_.clSVMAlloc(context_, CL_MEM_READ_WRITE, bytes, 0);
  if (!p)
    throw std::runtime_error("clSVMAlloc failed");
  return p;
}

void RawOpenCL::free(void *p) { api_.clSVMFree(context_, p); }

void RawOpenCL::copy(void *dst, const void *src, std::size_t bytes) {
  clCheck(api_.clEnqueueSVMMemcpy(queue_, CL_TRUE, dst, src, bytes, 0, nullptr,
                                  nullptr),
          "clEnqueueSVMMemcpy");
}

double RawOpenCL::timedLaunch(cl_kernel k, cl_uint dims,
                              const std::size_t *global,
                              const std::size_t *local) {
  cl_event event = nullptr;
  clCheck(api_.clEnqueueNDRangeKernel(queue_, k, dims, nullptr, global, local,
                                      0, nullptr, &event),
          "clEnqueueNDRangeKernel");
  return profiledNs(api_, event);
}

double RawOpenCL::timedCopy(void *dst, const void *src, std::size_t bytes) {
  cl_event event = nullptr;
  clCheck(api_.clEnqueueSVMMemcpy(queue_, CL_FALSE, dst, src, bytes, 0, nullptr,
                                  &event),
          "clEnqueueSVMMemcpy");
  return profiledNs(api_, event);
}

} // namespace bench
