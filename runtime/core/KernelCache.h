// Per-device cache: each module is built once, each kernel created once.
#pragma once

#include "Status.h"

#include <dpex/detail/kernel_desc.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace dpex::rt {

class Device;
class Kernel;
class Module;

class KernelCache {
public:
  struct Entry {
    Kernel *kernel;
    const Module *module;
  };

  KernelCache();
  ~KernelCache();

  // Thread-safe. A failed build is remembered and reported again without
  // rebuilding; concurrent first uses of one module build it once.
  Expected<Entry> get(Device &device, const detail::kernel_desc &desc);

private:
  // The kernels found so far, read without the lock: each launch looks its
  // kernel up here. A slot is written once, under mutex_: its entry, then
  // its descriptor, which readers load before the entry.
  struct Recent {
    std::atomic<const detail::kernel_desc *> desc{nullptr};
    Entry entry{};
  };
  static constexpr std::size_t RecentSlots = 64;
  static std::size_t recentSlot(const detail::kernel_desc &desc) {
    return (reinterpret_cast<std::uintptr_t>(&desc) >> 4) % RecentSlots;
  }

  struct ModuleSlot {
    std::mutex mutex;
    bool built = false;
    std::unique_ptr<Module> module;
    std::optional<Status> failure;
  };

  Recent recent_[RecentSlots];
  std::mutex mutex_;
  std::unordered_map<const detail::kernel_desc *, Entry> kernels_;
  std::unordered_map<const detail::module_desc *, std::unique_ptr<ModuleSlot>>
      modules_;
};

} // namespace dpex::rt
