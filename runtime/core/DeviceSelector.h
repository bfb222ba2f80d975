// DPEX_DEVICE parsing and the default device choice.
#pragma once

#include "Backend.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace dpex::rt {

class Platform;

// "opencl:cpu", "opencl:gpu", "opencl:N", "cuda:N" or "cuda:gpu".
struct DeviceSelector {
  backend kind = backend::opencl;
  std::optional<device_type> type; // by type, else by index
  std::size_t index = 0;           // among the backend's devices
};

Expected<DeviceSelector> parseDeviceSelector(const std::string &text);

// The device `selector` names; `text` is what the user wrote, for messages.
Expected<std::shared_ptr<Device>> selectDevice(const DeviceSelector &selector,
                                               const std::string &text,
                                               const Platform &platform);

// DPEX_DEVICE if set and non-empty, else: a CUDA GPU, else an OpenCL GPU
// that loads SPIR-V or SPIR, else an OpenCL CPU, else any device.
Expected<std::shared_ptr<Device>> selectDefaultDevice(const Platform &platform);

} // namespace dpex::rt
