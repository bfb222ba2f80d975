// A module built into a cl_program, and its kernels.
#pragma once

#include "OpenCLLoader.h"

#include "core/Backend.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dpex::rt::opencl {

class OpenCLDevice;

class OpenCLKernel final : public Kernel {
public:
  OpenCLKernel(const OpenCLApi &api, cl_kernel kernel,
               std::size_t maxWorkGroupSize, std::size_t staticLocalMemory)
      : api_(api), kernel_(kernel), maxWorkGroupSize_(maxWorkGroupSize),
        staticLocalMemory_(staticLocalMemory) {}
  OpenCLKernel(const OpenCLKernel &) = delete;
  OpenCLKernel &operator=(const OpenCLKernel &) = delete;
  ~OpenCLKernel() override;

  std::size_t maxWorkGroupSize() const override { return maxWorkGroupSize_; }
  std::size_t staticLocalMemory() const override { return staticLocalMemory_; }
  cl_kernel handle() const { return kernel_; }
  // Guards the kernel's argument state from setting to enqueueing.
  std::mutex &mutex() { return mutex_; }
  // clSetKernelArg, under mutex(): skipped where argument `index` already
  // holds `size` bytes equal to `value` (or, with a null `value`, local
  // memory of `size` bytes), as most repeated launches pass. Only the calls
  // made here change the kernel's argument state, so what they set is what
  // it holds. Device pointers are always set: a driver may resolve the
  // allocation behind one when it is set.
  cl_int setArg(cl_uint index, std::size_t size, const void *value);

private:
  // An argument's value as last set, where it is small enough to compare.
  struct SetValue {
    static constexpr std::size_t Capacity = 16;
    bool known = false;
    bool local = false;
    std::size_t size = 0;
    unsigned char bytes[Capacity];
  };

  const OpenCLApi &api_;
  cl_kernel kernel_;
  std::size_t maxWorkGroupSize_;
  std::size_t staticLocalMemory_;
  std::mutex mutex_;
  std::vector<SetValue> set_; // guarded by mutex_
};

class OpenCLModule final : public Module {
public:
  // Picks the image (SPIR-V if the device advertises it, else SPIR via
  // cl_khr_spir) and builds it; falls back to the next image if a build
  // fails.
  static Expected<std::unique_ptr<OpenCLModule>>
  build(OpenCLDevice &device, const detail::module_desc &module);
  ~OpenCLModule() override;

  Expected<Kernel *> createKernel(const char *entry) override;
  const std::string &imageDescription() const override { return image_; }
  const detail::device_image &image() const override { return source_; }

private:
  OpenCLModule(OpenCLDevice &device, cl_program program,
               const detail::device_image &source, std::string image)
      : device_(device), program_(program), source_(source),
        image_(std::move(image)) {}

  OpenCLDevice &device_;
  cl_program program_;
  const detail::device_image &source_;
  std::string image_;
  std::vector<std::unique_ptr<OpenCLKernel>> kernels_;
};

} // namespace dpex::rt::opencl
