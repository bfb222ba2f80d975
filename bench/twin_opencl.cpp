// OpenCL twins: OpenCL C built from source by the driver, on SVM memory as
// dpex arrays are, so that only the kernel code differs.
#include "raw_opencl.hpp"
#include "twin.hpp"

#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

namespace bench {

namespace {

class OpenCLTwin : public Twin {
public:
  OpenCLTwin(const std::string &deviceName, const std::string &platformName,
             const std::string &sourcePath)
      : cl_(deviceName, platformName) {
    std::ifstream in(sourcePath);
    if (!in)
      throw std::runtime_error("cannot read " + sourcePath);
    std::stringstream text;
    text << in.rdbuf();
    // -cl-std=CL2.0 as for the compile-time comparison; fast-math flags
    // only where dpexc has them too (dpex_bench_fast_math).
#if DPEX_BENCH_FAST_MATH
    std::string options = "-cl-std=CL2.0 -cl-fast-relaxed-math";
#else
    std::string options = "-cl-std=CL2.0";
#endif
    // The work-group algorithm twins use what the device reports it has: a
    // driver may declare the functions under CL2.0 without providing them.
    const ClApi &api = cl_.api();
    cl_bool collectives = CL_FALSE;
    if (api.clGetDeviceInfo(
            cl_.device(), CL_DEVICE_WORK_GROUP_COLLECTIVE_FUNCTIONS_SUPPORT,
            sizeof collectives, &collectives, nullptr) == CL_SUCCESS &&
        collectives)
      options += " -DTWIN_WG_FUNCTIONS";
    // cl_ext_float_atomics: CL_DEVICE_SINGLE_FP_ATOMIC_CAPABILITIES_EXT and
    // its CL_DEVICE_GLOBAL_FP_ATOMIC_ADD_EXT bit (not in these headers).
    cl_bitfield fp32Atomics = 0;
    if (api.clGetDeviceInfo(cl_.device(), 0x4231, sizeof fp32Atomics,
                            &fp32Atomics, nullptr) == CL_SUCCESS &&
        (fp32Atomics & (cl_bitfield(1) << 1)))
      options += " -DTWIN_FP32_ATOMIC_ADD";
    program_ = cl_.build(text.str(), options.c_str());
    empty_ = kernel("empty");
  }

  std::string description() const override {
    return "OpenCL C built from source by the driver";
  }

  std::uintptr_t alloc(std::size_t bytes) override {
    return reinterpret_cast<std::uintptr_t>(cl_.alloc(bytes));
  }
  void free(std::uintptr_t p) override {
    cl_.free(reinterpret_cast<void *>(p));
  }
  void upload(std::uintptr_t dst, const void *src, std::size_t bytes) override {
    cl_.copy(reinterpret_cast<void *>(dst), src, bytes);
  }
  void download(void *dst, std::uintptr_t src, std::size_t bytes) override {
    cl_.copy(dst, reinterpret_cast<const void *>(src), bytes);
  }

  double run(const char *name, const Shape &shape,
             const std::vector<TwinArg> &args) override {
    cl_kernel k = kernel(name);
    const ClApi &api = cl_.api();
    for (std::size_t i = 0; i < args.size(); ++i) {
      const TwinArg &a = args[i];
      cl_uint index = static_cast<cl_uint>(i);
      switch (a.kind) {
      case TwinArg::Kind::Value:
        clCheck(api.clSetKernelArg(k, index, a.bytes.size(), a.bytes.data()),
                "clSetKernelArg");
        break;
      case TwinArg::Kind::Buffer:
        clCheck(api.clSetKernelArgSVMPointer(
                    k, index, reinterpret_cast<void *>(a.buffer)),
                "clSetKernelArgSVMPointer");
        break;
      case TwinArg::Kind::Local:
        clCheck(api.clSetKernelArg(k, index, a.localBytes, nullptr),
                "clSetKernelArg");
        break;
      }
    }
    // dpex dimension d is OpenCL dimension dims-1-d.
    std::size_t global[3], local[3];
    for (unsigned d = 0; d < shape.dims; ++d) {
      global[shape.dims - 1 - d] = shape.global[d];
      local[shape.dims - 1 - d] = shape.local[d];
    }
    bool nd = shape.local[0] != 0;
    return cl_.timedLaunch(k, shape.dims, global, nd ? local : nullptr);
  }

  double copy(std::uintptr_t dst, std::uintptr_t src,
              std::size_t bytes) override {
    return cl_.timedCopy(reinterpret_cast<void *>(dst),
                         reinterpret_cast<const void *>(src), bytes);
  }

  void launchEmptySync() override {
    const std::size_t one = 1;
    clCheck(cl_.api().clEnqueueNDRangeKernel(cl_.plainQueue(), empty_, 1,
                                             nullptr, &one, nullptr, 0, nullptr,
                                             nullptr),
            "clEnqueueNDRangeKernel");
    clCheck(cl_.api().clFinish(cl_.plainQueue()), "clFinish");
  }

  // Each launch returns an event, as call_kernel_async does; with `chain`
  // it waits for the previous launch's event.
  void launchEmptyAsync(int count, bool chain) override {
    const ClApi &api = cl_.api();
    const std::size_t one = 1;
    cl_event previous = nullptr;
    for (int i = 0; i < count; ++i) {
      cl_event event = nullptr;
      bool wait = chain && previous;
      clCheck(api.clEnqueueNDRangeKernel(cl_.plainQueue(), empty_, 1, nullptr,
                                         &one, nullptr, wait ? 1 : 0,
                                         wait ? &previous : nullptr, &event),
              "clEnqueueNDRangeKernel");
      if (previous)
        api.clReleaseEvent(previous);
      previous = event;
    }
    if (previous)
      api.clReleaseEvent(previous);
  }

  void finish() override {
    clCheck(cl_.api().clFinish(cl_.plainQueue()), "clFinish");
  }

private:
  cl_kernel kernel(const char *name) {
    auto it = kernels_.find(name);
    if (it == kernels_.end())
      it = kernels_.emplace(name, cl_.kernel(program_, name)).first;
    return it->second;
  }

  RawOpenCL cl_;
  cl_program program_ = nullptr;
  cl_kernel empty_ = nullptr;
  std::map<std::string, cl_kernel> kernels_;
};

} // namespace

std::unique_ptr<Twin> makeOpenCLTwin(const std::string &deviceName,
                                     const std::string &platformName,
                                     const std::string &sourcePath) {
  return std::make_unique<OpenCLTwin>(deviceName, platformName, sourcePath);
}

} // namespace bench
