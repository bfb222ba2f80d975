// DPEX_DEVICE parsing and the default device choice.
#pragma once

#include "Backend.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dpex::rt {

class Platform;

// dpctl's filter-selector style: "backend[:type][:N]" ("opencl", "opencl:cpu",
// "opencl:cpu:1", "opencl:2", "cuda:gpu:0"), or "backend:<name>" matching part
// of the platform or vendor name, else of the device name, case-insensitively
// ("opencl:intel", "opencl:pocl").
struct DeviceSelector {
  backend kind = backend::opencl;
  std::optional<device_type> type;
  std::string nameFragment; // lower case; empty: any name
  std::size_t index = 0;    // among the backend's devices that match
};

Expected<DeviceSelector> parseDeviceSelector(const std::string &text);

// Those of `devices` (one backend's) that `selector` matches, in order,
// whatever its index: of its type, and with a name fragment those whose
// platform name or vendor contains it; only where none does, those whose
// device name contains it.
std::vector<std::shared_ptr<Device>>
matchingDevices(const DeviceSelector &selector,
                const std::vector<std::shared_ptr<Device>> &devices);

// The device `selector` names; `text` is what the user wrote, for messages.
Expected<std::shared_ptr<Device>> selectDevice(const DeviceSelector &selector,
                                               const std::string &text,
                                               const Platform &platform);

// DPEX_DEVICE if set and non-empty, else: a CUDA GPU, else an OpenCL GPU
// that loads our images, else an OpenCL CPU; among OpenCL devices of one
// type, one that takes SPIR-V before one that needs the spir image.
Expected<std::shared_ptr<Device>> selectDefaultDevice(const Platform &platform);

} // namespace dpex::rt
