#include "DeviceSelector.h"

#include "Platform.h"

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstdlib>
#include <vector>

namespace dpex::rt {

namespace {

const char *const AcceptedForms =
    "accepted forms: opencl:cpu, opencl:gpu, opencl:N, cuda:N, cuda:gpu "
    "(N counts the backend's devices from 0)";

Status notFound(const std::string &text, const std::string &why,
                const Platform &platform) {
  return Status::error(errc::device_not_found,
                       "DPEX_DEVICE='" + text + "': " + why +
                           "; devices:" + platform.describe());
}

const char *displayName(backend kind) {
  return kind == backend::cuda ? "CUDA" : "OpenCL";
}

bool loadsOurImages(const Device &device) {
  return device.canLoad(detail::image_format::spirv) ||
         device.canLoad(detail::image_format::spir);
}

} // namespace

Expected<DeviceSelector> parseDeviceSelector(const std::string &text) {
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  auto malformed = [&] {
    return Status::error(errc::device_not_found,
                         "DPEX_DEVICE='" + text +
                             "' is not a device selector; " + AcceptedForms);
  };

  std::size_t colon = lower.find(':');
  if (colon == std::string::npos)
    return malformed();
  std::string name = lower.substr(0, colon);
  std::string what = lower.substr(colon + 1);

  DeviceSelector selector;
  if (name == "opencl")
    selector.kind = backend::opencl;
  else if (name == "cuda")
    selector.kind = backend::cuda;
  else
    return malformed();

  if (what == "gpu") {
    selector.type = device_type::gpu;
  } else if (what == "cpu" && selector.kind == backend::opencl) {
    selector.type = device_type::cpu;
  } else if (!what.empty() && what.size() <= 6 &&
             std::all_of(what.begin(), what.end(),
                         [](unsigned char c) { return std::isdigit(c); })) {
    selector.index = std::stoul(what);
  } else {
    return malformed();
  }
  return selector;
}

Expected<std::shared_ptr<Device>> selectDevice(const DeviceSelector &selector,
                                               const std::string &text,
                                               const Platform &platform) {
  const Backend *backend = platform.findBackend(selector.kind);
  assert(backend && "the platform registers every backend kind");
  const auto &devices = backend->devices();
  if (devices.empty())
    return notFound(text,
                    std::string(to_string(selector.kind)) +
                        " backend unavailable: " + backend->unavailableReason(),
                    platform);
  if (selector.type) {
    for (const auto &device : devices)
      if (device->type() == *selector.type)
        return device;
    return notFound(text,
                    std::string("no ") + to_string(selector.kind) + " " +
                        to_string(*selector.type) + " device",
                    platform);
  }
  if (selector.index >= devices.size())
    return notFound(text,
                    std::string(displayName(selector.kind)) + " device " +
                        std::to_string(selector.index) + " does not exist; " +
                        std::to_string(devices.size()) +
                        (devices.size() == 1 ? " device" : " devices") +
                        " found",
                    platform);
  return devices[selector.index];
}

Expected<std::shared_ptr<Device>>
selectDefaultDevice(const Platform &platform) {
  if (const char *env = std::getenv("DPEX_DEVICE"); env && *env) {
    std::string text = env;
    Expected<DeviceSelector> selector = parseDeviceSelector(text);
    if (!selector)
      return selector.status();
    return selectDevice(*selector, text, platform);
  }

  const auto &devices = platform.devices();
  auto pick = [&](auto predicate) -> std::shared_ptr<Device> {
    auto it = std::find_if(devices.begin(), devices.end(),
                           [&](const auto &d) { return predicate(*d); });
    return it == devices.end() ? nullptr : *it;
  };
  if (auto d = pick([](const Device &d) {
        return d.backendKind() == backend::cuda && d.type() == device_type::gpu;
      }))
    return d;
  if (auto d = pick([](const Device &d) {
        return d.backendKind() == backend::opencl &&
               d.type() == device_type::gpu && loadsOurImages(d);
      }))
    return d;
  if (auto d = pick([](const Device &d) {
        return d.backendKind() == backend::opencl &&
               d.type() == device_type::cpu;
      }))
    return d;
  if (!devices.empty())
    return devices.front();
  return Status::error(errc::device_not_found,
                       "no device available; backends:" + platform.describe());
}

} // namespace dpex::rt
