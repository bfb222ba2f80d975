// One CUDA device and its primary context, shared by all queues on it.
#pragma once

#include "CudaEventPool.h"
#include "CudaLaunchShape.h"
#include "CudaLoader.h"
#include "CudaStagingPool.h"
#include "CudaTimeline.h"

#include "core/Backend.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dpex::rt::cuda {

class CudaDevice final : public Device {
public:
  // Reads the device's name and limits; its context is created on first use.
  static Expected<std::shared_ptr<CudaDevice>> create(const CudaApi &api,
                                                      int ordinal);
  ~CudaDevice() override;

  const std::string &name() const override { return name_; }
  const std::string &platformName() const override {
    static const std::string platform = "NVIDIA CUDA";
    return platform;
  }
  const std::string &platformVendor() const override {
    static const std::string vendor = "NVIDIA Corporation";
    return vendor;
  }
  backend backendKind() const override { return backend::cuda; }
  device_type type() const override { return device_type::gpu; }
  const DeviceLimits &limits() const override { return limits_; }
  bool canLoad(detail::image_format format) const override {
    return format == detail::image_format::ptx ||
           format == detail::image_format::cubin;
  }
  std::string imageSummary() const override;
  std::string driverVersion() const override;
  std::size_t computeUnits() const override;
  std::vector<std::size_t> subGroupSizes() const override;

  Expected<std::shared_ptr<Queue>> createQueue(bool profiling) override;
  Expected<void *> allocate(std::size_t bytes) override;
  void deallocate(void *pointer) override;
  Expected<std::unique_ptr<Module>>
  buildModule(const detail::module_desc &module) override;

  const CudaApi &api() const { return api_; }
  // Valid once createQueue, allocate or buildModule succeeded.
  CUcontext context() const { return context_; }
  const GridLimits &gridLimits() const { return grid_; }
  // Shared memory per block without and with opting in.
  std::size_t sharedPerBlock() const { return sharedPerBlock_; }
  std::size_t sharedPerBlockOptin() const { return sharedPerBlockOptin_; }
  // "sm_90".
  const std::string &architecture() const { return architecture_; }
  // The compute capability as in the architecture's name: 90 for sm_90.
  std::uint32_t computeCapability() const { return computeCapability_; }
  // Whether `pointer` lies in an allocation of this device. Copies need
  // the direction, which Queue::copy leaves to the backend.
  bool isDeviceMemory(const void *pointer) const;
  Expected<std::shared_ptr<const TimingAnchor>> timingAnchor() {
    return timeline_->anchor();
  }
  // Valid, as context(), once the context exists.
  // Events with timing, for profiling queues, and without.
  CudaEventPool &eventPool(bool timing) {
    return timing ? *timingEvents_ : *plainEvents_;
  }
  // Page-locked memory the async copies stage host memory through; valid,
  // as context(), once the context exists.
  StagingPool &stagingPool() { return *stagingPool_; }

private:
  CudaDevice(const CudaApi &api, CUdevice device)
      : api_(api), device_(device) {}
  // The primary context is retained on first use: enumerating must stay
  // cheap and must not create contexts on every GPU. A failure is not
  // remembered: the next use tries again.
  Status ensureContext();

  const CudaApi &api_;
  CUdevice device_;
  std::string name_;
  DeviceLimits limits_;
  GridLimits grid_;
  std::size_t sharedPerBlock_ = 0;
  std::size_t sharedPerBlockOptin_ = 0;
  std::string architecture_;
  std::uint32_t computeCapability_ = 0;

  std::mutex contextMutex_;
  std::atomic<bool> contextReady_{false};
  CUcontext context_ = nullptr;
  std::unique_ptr<Timeline> timeline_;
  std::unique_ptr<CudaEventPool> timingEvents_;
  std::unique_ptr<CudaEventPool> plainEvents_;
  std::unique_ptr<StagingPool> stagingPool_;

  mutable std::mutex allocationsMutex_;
  std::map<std::uintptr_t, std::size_t> allocations_; // base -> bytes
};

} // namespace dpex::rt::cuda
