// Per-device cache: each module is built once, each kernel created once.
#pragma once

#include "Status.h"

#include <dpex/detail/kernel_desc.hpp>

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
  struct ModuleSlot {
    std::mutex mutex;
    bool built = false;
    std::unique_ptr<Module> module;
    std::optional<Status> failure;
  };

  std::mutex mutex_;
  std::unordered_map<const detail::kernel_desc *, Entry> kernels_;
  std::unordered_map<const detail::module_desc *, std::unique_ptr<ModuleSlot>>
      modules_;
};

} // namespace dpex::rt
