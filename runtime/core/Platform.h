// The backends and their devices, each backend enumerated once per process,
// on first use.
#pragma once

#include "Backend.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace dpex::rt {

class Platform {
public:
  // Never destroyed: devices hold backend contexts that must outlive every
  // static object that might still use them at exit.
  static const Platform &instance();

  // CUDA devices first, then OpenCL devices; enumerates every backend.
  const std::vector<std::shared_ptr<Device>> &devices() const;
  // The backend of `kind` built into this runtime, or null. Only it is
  // enumerated: a process whose DPEX_DEVICE names a backend never loads the
  // other's driver (no cuInit in an OpenCL process, no OpenCL ICDs in a CUDA
  // one).
  const Backend *findBackend(backend kind) const;
  // One line per device ("opencl:0 'name' (cpu, platform)") and per unavailable
  // backend, for error messages.
  std::string describe() const;

private:
  Platform() = default;

  // A backend, created on first use.
  struct Slot {
    Slot(backend kind, std::unique_ptr<Backend> (*create)())
        : kind(kind), create(create) {}
    const backend kind;
    std::unique_ptr<Backend> (*const create)();
    std::once_flag once;
    std::unique_ptr<Backend> loaded;
  };
  const Backend &load(Slot &slot) const;

  // In the order of devices().
  mutable Slot slots_[2] = {{backend::cuda, createCudaBackend},
                            {backend::opencl, createOpenCLBackend}};
  mutable std::once_flag devicesOnce_;
  mutable std::vector<std::shared_ptr<Device>> devices_;
};

} // namespace dpex::rt
