// A module's PTX image loaded into a device's context, and its kernels.
#pragma once

#include "CudaLoader.h"

#include "core/Backend.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dpex::rt::cuda {

class CudaDevice;

class CudaKernel final : public Kernel {
public:
  CudaKernel(CudaDevice &device, CUfunction function, std::string entry,
             std::size_t maxThreads, std::size_t staticShared)
      : device_(device), function_(function), entry_(std::move(entry)),
        maxThreads_(maxThreads), staticShared_(staticShared) {}

  std::size_t maxWorkGroupSize() const override { return maxThreads_; }
  std::size_t staticLocalMemory() const override { return staticShared_; }
  CUfunction handle() const { return function_; }
  const std::string &entry() const { return entry_; }

  // Lets launches use `bytes` of dynamic shared memory: above the default
  // 48 KiB per block, the function's limit must be raised explicitly.
  // errc::invalid_range if the device cannot give that much.
  Status allowDynamicShared(std::size_t bytes);

private:
  CudaDevice &device_;
  CUfunction function_;
  std::string entry_;
  std::size_t maxThreads_;
  std::size_t staticShared_;
  std::mutex sharedMutex_;
  std::size_t allowedShared_ = 0; // raised so far; 0: the default
};

class CudaModule final : public Module {
public:
  // Loads the module's ptx image (JIT-compiled by the driver for the
  // device); errc::unsupported_image if it has none.
  static Expected<std::unique_ptr<CudaModule>>
  build(CudaDevice &device, const detail::module_desc &module);
  ~CudaModule() override;

  Expected<Kernel *> createKernel(const char *entry) override;
  const std::string &imageDescription() const override { return image_; }
  const detail::device_image &image() const override { return source_; }

private:
  CudaModule(CudaDevice &device, CUmodule module,
             const detail::device_image &source, std::string image)
      : device_(device), module_(module), source_(source),
        image_(std::move(image)) {}

  CudaDevice &device_;
  CUmodule module_;
  const detail::device_image &source_;
  std::string image_;
  std::vector<std::unique_ptr<CudaKernel>> kernels_;
};

} // namespace dpex::rt::cuda
