// One OpenCL device with its own context, shared by all queues on it.
#pragma once

#include "OpenCLLoader.h"

#include "core/Backend.h"

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dpex::rt::opencl {

class OpenCLDevice final : public Device {
public:
  // Null (with `why` set) for devices the runtime cannot use: those without
  // coarse-grained SVM, since arrays are SVM allocations.
  static std::shared_ptr<OpenCLDevice>
  create(const OpenCLApi &api, cl_device_id id, std::string platformName,
         std::string platformVendor, std::string &why);
  ~OpenCLDevice() override;

  const std::string &name() const override { return name_; }
  const std::string &platformName() const override { return platformName_; }
  const std::string &platformVendor() const override { return platformVendor_; }
  backend backendKind() const override { return backend::opencl; }
  device_type type() const override { return type_; }
  const DeviceLimits &limits() const override { return limits_; }
  bool canLoad(detail::image_format format) const override;
  std::string imageSummary() const override;
  std::string driverVersion() const override;
  std::size_t computeUnits() const override;
  std::vector<std::size_t> subGroupSizes() const override;

  Expected<std::shared_ptr<Queue>> createQueue(bool profiling) override;
  Expected<void *> allocate(std::size_t bytes) override;
  void deallocate(void *pointer) override;
  Expected<std::unique_ptr<Module>>
  buildModule(const detail::module_desc &module) override;

  const OpenCLApi &api() const { return api_; }
  cl_device_id id() const { return id_; }
  // Valid once createQueue, allocate or buildModule succeeded.
  cl_context context() const { return context_; }
  // CL_DEVICE_IL_VERSION as reported ("" if none), for messages.
  const std::string &ilVersion() const { return ilVersion_; }
  bool hasKhrSpir() const { return hasKhrSpir_; }

private:
  OpenCLDevice(const OpenCLApi &api, cl_device_id id) : api_(api), id_(id) {}
  // Contexts are created on first use: enumerating must stay cheap. A
  // failure is not remembered: the next use tries again.
  Status ensureContext();

  const OpenCLApi &api_;
  cl_device_id id_;
  std::string name_;
  std::string platformName_;
  std::string platformVendor_;
  device_type type_ = device_type::other;
  DeviceLimits limits_;
  std::string ilVersion_;
  bool hasKhrSpir_ = false;

  std::mutex contextMutex_;
  std::atomic<bool> contextReady_{false};
  cl_context context_ = nullptr;
};

} // namespace dpex::rt::opencl
