// A fault-injecting libOpenCL.so.1 for tests (never installed): it forwards
// every entry point the runtime resolves (runtime/opencl/OpenCLLoader.h) to
// the real ICD loader, loaded by absolute path (DPEX_CLSHIM_REAL_LOADER),
// and counts the calls of each. DPEX_CLSHIM_FAIL=<entry>:<n>[:<code>][,...]
// (or dpexclshim_set_failures) makes the n-th call of <entry> return
// <code> (default CL_OUT_OF_RESOURCES; CL_BUILD_PROGRAM_FAILURE for
// clBuildProgram) without calling the real one: through errcode_ret and a
// null result for the clCreate* calls, a null pointer for clSVMAlloc.
// clSVMFree has no way to fail and is only counted.
#define CL_TARGET_OPENCL_VERSION 300
#include <CL/cl.h>

#include <dlfcn.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "FaultRules.h"

#define SHIM_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

struct Shim {
  std::mutex mutex;
  dpexsim::FaultRules<cl_int> rules;
  std::map<std::string, unsigned long> calls;
  unsigned long injected = 0;
};

Shim &shim() {
  static Shim *instance = new Shim; // outlives every caller
  return *instance;
}

bool parse(const char *spec, dpexsim::FaultRules<cl_int> &rules) {
  return dpexsim::parseFaultRules(
      spec, rules,
      [](const std::string &entry, const std::string &code, bool &ok) {
        if (code.empty())
          return entry == "clBuildProgram" ? CL_BUILD_PROGRAM_FAILURE
                                           : CL_OUT_OF_RESOURCES;
        cl_int value = std::atoi(code.c_str());
        ok = value != CL_SUCCESS;
        return value;
      });
}

const bool parsedEnvironment = [] {
  if (!parse(std::getenv("DPEX_CLSHIM_FAIL"), shim().rules)) {
    std::fprintf(stderr, "clshim: cannot parse DPEX_CLSHIM_FAIL='%s'\n",
                 std::getenv("DPEX_CLSHIM_FAIL"));
    std::abort();
  }
  return true;
}();

// Counts a call; returns the error to inject, or CL_SUCCESS.
cl_int countCall(const char *entry) {
  Shim &s = shim();
  std::lock_guard<std::mutex> lock(s.mutex);
  unsigned long n = ++s.calls[entry];
  cl_int injected = dpexsim::injectedResult(s.rules, entry, n, CL_SUCCESS);
  if (injected != CL_SUCCESS)
    ++s.injected;
  return injected;
}

void *resolve(const char *entry) {
  static void *loader = [] {
    void *handle = dlopen(DPEX_CLSHIM_REAL_LOADER, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      std::fprintf(stderr, "clshim: cannot load %s: %s\n",
                   DPEX_CLSHIM_REAL_LOADER, dlerror());
      std::abort();
    }
    return handle;
  }();
  return dlsym(loader, entry);
}

template <typename F> F real(const char *entry) {
  return reinterpret_cast<F>(resolve(entry));
}

} // namespace

// Entry points returning a cl_int.
#define SHIM_STATUS(name, params, args)                                        \
  SHIM_EXPORT cl_int name params {                                             \
    if (cl_int injected = countCall(#name); injected != CL_SUCCESS)            \
      return injected;                                                         \
    static const auto forward = real<decltype(&::name)>(#name);                \
    return forward args;                                                       \
  }

// Entry points returning an object, with the error in *errcode_ret.
#define SHIM_OBJECT(type, name, params, args)                                  \
  SHIM_EXPORT type name params {                                               \
    if (cl_int injected = countCall(#name); injected != CL_SUCCESS) {          \
      if (errcode_ret)                                                         \
        *errcode_ret = injected;                                               \
      return nullptr;                                                          \
    }                                                                          \
    static const auto forward = real<decltype(&::name)>(#name);                \
    return forward args;                                                       \
  }

SHIM_STATUS(clGetPlatformIDs,
            (cl_uint num_entries, cl_platform_id *platforms,
             cl_uint *num_platforms),
            (num_entries, platforms, num_platforms))
SHIM_STATUS(clGetPlatformInfo,
            (cl_platform_id platform, cl_platform_info param_name,
             size_t param_value_size, void *param_value,
             size_t *param_value_size_ret),
            (platform, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clGetDeviceIDs,
            (cl_platform_id platform, cl_device_type device_type,
             cl_uint num_entries, cl_device_id *devices, cl_uint *num_devices),
            (platform, device_type, num_entries, devices, num_devices))
SHIM_STATUS(clGetDeviceInfo,
            (cl_device_id device, cl_device_info param_name,
             size_t param_value_size, void *param_value,
             size_t *param_value_size_ret),
            (device, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_OBJECT(
    cl_context, clCreateContext,
    (const cl_context_properties *properties, cl_uint num_devices,
     const cl_device_id *devices,
     void(CL_CALLBACK *pfn_notify)(const char *, const void *, size_t, void *),
     void *user_data, cl_int *errcode_ret),
    (properties, num_devices, devices, pfn_notify, user_data, errcode_ret))
SHIM_STATUS(clReleaseContext, (cl_context context), (context))
SHIM_OBJECT(cl_command_queue, clCreateCommandQueueWithProperties,
            (cl_context context, cl_device_id device,
             const cl_queue_properties *properties, cl_int *errcode_ret),
            (context, device, properties, errcode_ret))
SHIM_STATUS(clReleaseCommandQueue, (cl_command_queue queue), (queue))
SHIM_STATUS(clFlush, (cl_command_queue queue), (queue))
SHIM_STATUS(clFinish, (cl_command_queue queue), (queue))

SHIM_EXPORT void *clSVMAlloc(cl_context context, cl_svm_mem_flags flags,
                             size_t size, cl_uint alignment) {
  if (countCall("clSVMAlloc") != CL_SUCCESS)
    return nullptr;
  static const auto forward = real<decltype(&::clSVMAlloc)>("clSVMAlloc");
  return forward(context, flags, size, alignment);
}

SHIM_EXPORT void clSVMFree(cl_context context, void *pointer) {
  countCall("clSVMFree");
  static const auto forward = real<decltype(&::clSVMFree)>("clSVMFree");
  forward(context, pointer);
}

SHIM_STATUS(clEnqueueSVMMemcpy,
            (cl_command_queue queue, cl_bool blocking, void *dst,
             const void *src, size_t size, cl_uint num_events,
             const cl_event *wait_list, cl_event *event),
            (queue, blocking, dst, src, size, num_events, wait_list, event))
SHIM_OBJECT(cl_program, clCreateProgramWithBinary,
            (cl_context context, cl_uint num_devices,
             const cl_device_id *device_list, const size_t *lengths,
             const unsigned char **binaries, cl_int *binary_status,
             cl_int *errcode_ret),
            (context, num_devices, device_list, lengths, binaries,
             binary_status, errcode_ret))
SHIM_OBJECT(cl_program, clCreateProgramWithIL,
            (cl_context context, const void *il, size_t length,
             cl_int *errcode_ret),
            (context, il, length, errcode_ret))
SHIM_STATUS(clBuildProgram,
            (cl_program program, cl_uint num_devices,
             const cl_device_id *device_list, const char *options,
             void(CL_CALLBACK *pfn_notify)(cl_program, void *),
             void *user_data),
            (program, num_devices, device_list, options, pfn_notify, user_data))
SHIM_STATUS(clGetProgramBuildInfo,
            (cl_program program, cl_device_id device,
             cl_program_build_info param_name, size_t param_value_size,
             void *param_value, size_t *param_value_size_ret),
            (program, device, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clGetProgramInfo,
            (cl_program program, cl_program_info param_name,
             size_t param_value_size, void *param_value,
             size_t *param_value_size_ret),
            (program, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clReleaseProgram, (cl_program program), (program))
SHIM_OBJECT(cl_kernel, clCreateKernel,
            (cl_program program, const char *kernel_name, cl_int *errcode_ret),
            (program, kernel_name, errcode_ret))
SHIM_STATUS(clReleaseKernel, (cl_kernel kernel), (kernel))
SHIM_STATUS(clGetKernelWorkGroupInfo,
            (cl_kernel kernel, cl_device_id device,
             cl_kernel_work_group_info param_name, size_t param_value_size,
             void *param_value, size_t *param_value_size_ret),
            (kernel, device, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clSetKernelArg,
            (cl_kernel kernel, cl_uint arg_index, size_t arg_size,
             const void *arg_value),
            (kernel, arg_index, arg_size, arg_value))
SHIM_STATUS(clSetKernelArgSVMPointer,
            (cl_kernel kernel, cl_uint arg_index, const void *arg_value),
            (kernel, arg_index, arg_value))
SHIM_STATUS(clEnqueueNDRangeKernel,
            (cl_command_queue queue, cl_kernel kernel, cl_uint work_dim,
             const size_t *global_work_offset, const size_t *global_work_size,
             const size_t *local_work_size, cl_uint num_events,
             const cl_event *wait_list, cl_event *event),
            (queue, kernel, work_dim, global_work_offset, global_work_size,
             local_work_size, num_events, wait_list, event))
SHIM_STATUS(clEnqueueMarkerWithWaitList,
            (cl_command_queue queue, cl_uint num_events,
             const cl_event *wait_list, cl_event *event),
            (queue, num_events, wait_list, event))
SHIM_STATUS(clWaitForEvents, (cl_uint num_events, const cl_event *event_list),
            (num_events, event_list))
SHIM_STATUS(clGetEventInfo,
            (cl_event event, cl_event_info param_name, size_t param_value_size,
             void *param_value, size_t *param_value_size_ret),
            (event, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clGetEventProfilingInfo,
            (cl_event event, cl_profiling_info param_name,
             size_t param_value_size, void *param_value,
             size_t *param_value_size_ret),
            (event, param_name, param_value_size, param_value,
             param_value_size_ret))
SHIM_STATUS(clSetEventCallback,
            (cl_event event, cl_int command_exec_callback_type,
             void(CL_CALLBACK *pfn_notify)(cl_event, cl_int, void *),
             void *user_data),
            (event, command_exec_callback_type, pfn_notify, user_data))
SHIM_STATUS(clReleaseEvent, (cl_event event), (event))

// The shim's own interface, for the test program (dlsym).
SHIM_EXPORT int dpexclshim_set_failures(const char *spec) {
  Shim &s = shim();
  std::lock_guard<std::mutex> lock(s.mutex);
  s.calls.clear();
  return parse(spec, s.rules) ? 0 : -1;
}

SHIM_EXPORT unsigned long dpexclshim_calls(const char *entry) {
  Shim &s = shim();
  std::lock_guard<std::mutex> lock(s.mutex);
  auto it = s.calls.find(entry);
  return it == s.calls.end() ? 0 : it->second;
}

SHIM_EXPORT unsigned long dpexclshim_injected(void) {
  Shim &s = shim();
  std::lock_guard<std::mutex> lock(s.mutex);
  return s.injected;
}
