// The loaded backends and their devices, enumerated once per process.
#pragma once

#include "Backend.h"

#include <memory>
#include <string>
#include <vector>

namespace dpex::rt {

class Platform {
public:
  // Never destroyed: devices hold backend contexts that must outlive every
  // static object that might still use them at exit.
  static const Platform &instance();

  // CUDA devices first, then OpenCL devices.
  const std::vector<std::shared_ptr<Device>> &devices() const {
    return devices_;
  }
  // The backend of `kind` built into this runtime, or null.
  const Backend *findBackend(backend kind) const;
  // One line per device ("opencl:0 'name' (cpu, platform)") and per unavailable
  // backend, for error messages.
  std::string describe() const;

private:
  Platform();

  std::vector<std::unique_ptr<Backend>> backends_;
  std::vector<std::shared_ptr<Device>> devices_;
};

} // namespace dpex::rt
