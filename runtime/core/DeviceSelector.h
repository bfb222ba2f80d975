// DPEX_DEVICE parsing and the default device choice.
#pragma once

#include "Backend.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace dpex::rt {

class Platform;

// dpctl's filter-selector style: "backend[:type][:N]" ("opencl", "opencl:cpu",
// "opencl:cpu:1", "opencl:2", "cuda:gpu:0"), or "backend:<name>" matching part
// of the platform, vendor or device name, case-insensitively
// ("opencl:intel", "opencl:pocl").
struct DeviceSelector {
  backend kind = backend::opencl;
  std::optional<device_type> type;
  std::string nameFragment; // lower case; empty: any name
  std::size_t index = 0;    // among the backend's devices that match
};

Expected<DeviceSelector> parseDeviceSelector(const std::string &text);

// The device `selector` names; `text` is what the user wrote, for messages.
Expected<std::shared_ptr<Device>> selectDevice(const DeviceSelector &selector,
                                               const std::string &text,
                                               const Platform &platform);

// DPEX_DEVICE if set and non-empty, else: a CUDA GPU, else an OpenCL GPU
// that loads our images, else an OpenCL CPU; among OpenCL devices of one
// type, one that takes SPIR-V before one that needs the spir image.
Expected<std::shared_ptr<Device>> selectDefaultDevice(const Platform &platform);

} // namespace dpex::rt
