#include "KernelCache.h"

#include "Backend.h"
#include "ImageIntegrity.h"
#include "Trace.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <vector>

namespace dpex::rt {

KernelCache::KernelCache() = default;
KernelCache::~KernelCache() = default;

namespace {

// A kernel requiring a sub-group size the device lacks is refused before
// its module is built: the device's image leaves it out or drops the
// requirement (docs/runtime.md, "Required sub-group sizes").
Status checkSubGroupSize(Device &device, const detail::kernel_desc &desc) {
  // A kernel_desc of another stub ABI version may lack the member.
  if (Status intact = verifyStubAbi(*desc.module); !intact)
    return intact;
  if (desc.reqd_sub_group_size == 0)
    return Status::ok();
  std::vector<std::size_t> sizes = device.subGroupSizes();
  if (std::find(sizes.begin(), sizes.end(), desc.reqd_sub_group_size) !=
      sizes.end())
    return Status::ok();
  std::string list;
  for (std::size_t size : sizes)
    list += (list.empty() ? "" : ", ") + std::to_string(size);
  return Status::error(
      errc::unsupported_image,
      "kernel '" + std::string(desc.display_name) + "' of module '" +
          desc.module->name + "' requires sub-groups of " +
          std::to_string(desc.reqd_sub_group_size) +
          " work-items (DPEX_REQD_SUB_GROUP_SIZE), which '" + device.name() +
          "' does not have (its sub-group sizes: " +
          (list.empty() ? std::string("none reported") : list) + ")");
}

} // namespace

Expected<KernelCache::Entry> KernelCache::get(Device &device,
                                              const detail::kernel_desc &desc) {
  Recent &recent = recent_[recentSlot(desc)];
  if (recent.desc.load(std::memory_order_acquire) == &desc)
    return recent.entry;
  ModuleSlot *slot;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = kernels_.find(&desc); it != kernels_.end())
      return it->second;
  }
  if (Status size = checkSubGroupSize(device, desc); !size)
    return size;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto &owned = modules_[desc.module];
    if (!owned)
      owned = std::make_unique<ModuleSlot>();
    slot = owned.get();
  }

  // Building can take long: hold only this module's lock meanwhile.
  std::lock_guard<std::mutex> lock(slot->mutex);
  if (!slot->built) {
    slot->built = true;
    auto start = std::chrono::steady_clock::now();
    Status intact = verifyStubAbi(*desc.module);
    if (intact)
      intact = verifyImageDigests(*desc.module);
    Expected<std::unique_ptr<Module>> module =
        intact ? device.buildModule(*desc.module)
               : Expected<std::unique_ptr<Module>>(intact);
    double ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count();
    if (!module) {
      slot->failure = module.status();
      trace("build of module '%s' for '%s' failed after %.3f ms",
            desc.module->name, device.name().c_str(), ms);
    } else {
      slot->module = module.take();
      trace("built module '%s' for '%s' (%s): image %s in %.3f ms",
            desc.module->name, device.name().c_str(),
            to_string(device.backendKind()),
            slot->module->imageDescription().c_str(), ms);
    }
  }
  if (slot->failure)
    return *slot->failure;

  const detail::device_image &image = slot->module->image();
  for (std::size_t i = 0; i < image.num_omitted; ++i)
    if (std::strcmp(image.omitted[i].entry, desc.entry) == 0)
      return Status::error(
          errc::unsupported_image,
          "kernel '" + std::string(desc.display_name) + "' of module '" +
              desc.module->name + "' is not in the " +
              slot->module->imageDescription() + " image that '" +
              device.name() + "' loaded: " + image.omitted[i].reason);

  auto start = std::chrono::steady_clock::now();
  Expected<Kernel *> kernel = slot->module->createKernel(desc.entry);
  if (!kernel)
    return kernel.status();
  trace("created kernel '%s' in %.3f ms", desc.display_name,
        std::chrono::duration<double, std::milli>(
            std::chrono::steady_clock::now() - start)
            .count());
  Entry entry{*kernel, slot->module.get()};
  std::lock_guard<std::mutex> mapLock(mutex_);
  kernels_.emplace(&desc, entry);
  // Two descriptors may share a slot: the first one found keeps it.
  if (!recent.desc.load(std::memory_order_relaxed)) {
    recent.entry = entry;
    recent.desc.store(&desc, std::memory_order_release);
  }
  return entry;
}

} // namespace dpex::rt
