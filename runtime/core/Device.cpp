// dpex::device, dpex::devices() and dpex::default_device().
#include "Backend.h"
#include "DeviceSelector.h"
#include "Platform.h"

#include <dpex/runtime/device.hpp>

namespace dpex {

const std::string &device::name() const { return impl_->name(); }
const std::string &device::platform() const { return impl_->platformName(); }
backend device::backend() const { return impl_->backendKind(); }
device_type device::type() const { return impl_->type(); }
std::size_t device::max_work_group_size() const {
  return impl_->limits().maxWorkGroupSize;
}
std::size_t device::local_mem_size() const {
  return impl_->limits().localMemory;
}
std::size_t device::compute_units() const { return impl_->computeUnits(); }
std::vector<std::size_t> device::sub_group_sizes() const {
  return impl_->subGroupSizes();
}
std::string device::driver_version() const { return impl_->driverVersion(); }

std::vector<device> devices() {
  std::vector<device> result;
  for (const auto &impl : rt::Platform::instance().devices())
    result.emplace_back(impl);
  return result;
}

device default_device() {
  return device(
      rt::valueOrThrow(rt::selectDefaultDevice(rt::Platform::instance())));
}

} // namespace dpex
