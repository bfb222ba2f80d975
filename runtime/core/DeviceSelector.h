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
// ("opencl:intel", "opencl:pocl"). A '*' for the backend or after it
// ("opencl:*", "*:gpu", "*:cpu", "cuda:*", "*") lets the default rules choose
// among the devices that match, instead of taking the first.
struct DeviceSelector {
  std::optional<backend> kind; // empty: any backend ('*')
  std::optional<device_type> type;
  std::string nameFragment; // lower case; empty: any name
  std::size_t index = 0;    // among the matching devices
  bool byDefaultRules = false;
};

Expected<DeviceSelector> parseDeviceSelector(const std::string &text);

// Those of `devices` that `selector` matches, in order, whatever its index:
// of its backend and type, and with a name fragment those whose platform
// name or vendor contains it; only where none does, those whose device name
// contains it.
std::vector<std::shared_ptr<Device>>
matchingDevices(const DeviceSelector &selector,
                const std::vector<std::shared_ptr<Device>> &devices);

// The default rules over `candidates` (in devices() order): a CUDA GPU, else
// an OpenCL GPU that loads our images, else an OpenCL CPU, else the first
// candidate; among OpenCL devices of one type, one that takes SPIR-V before
// one that needs the spir image. Null if `candidates` is empty. `why` says
// which rule chose it, e.g. "CUDA GPU first".
std::shared_ptr<Device>
chooseByDefaultRules(const std::vector<std::shared_ptr<Device>> &candidates,
                     std::string &why);

// A device and the reason it was chosen, for DPEX_TRACE and dpex-ls.
struct DeviceChoice {
  std::shared_ptr<Device> device;
  std::string why;
};

// The device `selector` names; `text` is what the user wrote, as
// "VARIABLE='value'", for messages.
Expected<DeviceChoice> selectDevice(const DeviceSelector &selector,
                                    const std::string &text,
                                    const Platform &platform);

// ONEAPI_DEVICE_SELECTOR's forms that mean one choice among dpex's devices:
// a single term "backend:device" with backend opencl, cuda or '*' and device
// '*', cpu, gpu, fpga (an accelerator) or a number. A term for another of
// oneAPI's backends (level_zero, hip, native_cpu) parses, with `kind` empty
// and `foreignBackend` naming it; lists, discard filters ('!') and
// sub-devices ("0.1") are malformed.
struct OneApiSelector {
  DeviceSelector selector;
  std::string foreignBackend;
};
Expected<OneApiSelector> parseOneApiSelector(const std::string &text);

// DPEX_DEVICE if set and non-empty, else ONEAPI_DEVICE_SELECTOR if set and
// non-empty, else the default rules over every device.
Expected<DeviceChoice> chooseDefaultDevice(const Platform &platform);
Expected<std::shared_ptr<Device>> selectDefaultDevice(const Platform &platform);

// DPEX_DEVICE values that select exactly `device` on `platform`, the
// shortest first: a platform or vendor word ("opencl:pocl") where it
// picks this device, then its index among its backend's devices of its
// type ("opencl:cpu:1") and among all its backend's ("opencl:1").
std::vector<std::string> exactSelectors(const Device &device,
                                        const Platform &platform);

} // namespace dpex::rt
