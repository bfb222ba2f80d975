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
    "accepted forms: backend[:type][:N] (opencl, opencl:cpu, opencl:cpu:1, "
    "opencl:gpu, opencl:N, cuda:gpu, cuda:N) or backend:<name> matching part "
    "of the platform, vendor or device name (opencl:intel, opencl:pocl); N "
    "counts the matching devices from 0";

std::string lowerCase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool isIndex(const std::string &text) {
  return !text.empty() && text.size() <= 6 &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c); });
}

std::optional<device_type> parseType(const std::string &text) {
  if (text == "cpu")
    return device_type::cpu;
  if (text == "gpu")
    return device_type::gpu;
  if (text == "accelerator")
    return device_type::accelerator;
  return std::nullopt;
}

std::vector<std::string> splitColons(const std::string &text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (;;) {
    std::size_t colon = text.find(':', start);
    parts.push_back(text.substr(start, colon - start));
    if (colon == std::string::npos)
      return parts;
    start = colon + 1;
  }
}

bool contains(const std::string &name, const std::string &fragment) {
  return lowerCase(name).find(fragment) != std::string::npos;
}

bool platformContains(const Device &device, const std::string &fragment) {
  return contains(device.platformName(), fragment) ||
         contains(device.platformVendor(), fragment);
}

std::string describeFilter(const DeviceSelector &selector) {
  std::string what = to_string(selector.kind);
  if (selector.type)
    what += std::string(" ") + to_string(*selector.type);
  what += " device";
  if (!selector.nameFragment.empty())
    what += " whose platform, vendor or name contains '" +
            selector.nameFragment + "'";
  return what;
}

Status notFound(const std::string &text, const std::string &why,
                const Platform &platform) {
  return Status::error(errc::device_not_found,
                       "DPEX_DEVICE='" + text + "': " + why +
                           "; devices:" + platform.describe());
}

// How much the default choice wants an OpenCL device: one that ingests the
// SPIR-V itself runs the module as dpexc validated it; the spir image is a
// derived fallback.
int openclImageRank(const Device &device) {
  if (device.canLoad(detail::image_format::spirv))
    return 2;
  if (device.canLoad(detail::image_format::spir))
    return 1;
  return 0;
}

} // namespace

std::vector<std::shared_ptr<Device>>
matchingDevices(const DeviceSelector &selector,
                const std::vector<std::shared_ptr<Device>> &devices) {
  std::vector<std::shared_ptr<Device>> ofType;
  for (const auto &device : devices)
    if (!selector.type || device->type() == *selector.type)
      ofType.push_back(device);
  if (selector.nameFragment.empty())
    return ofType;
  // A device name says what hardware a driver runs on, and so can name
  // another vendor than the driver's ("opencl:amd" would find PoCL on an
  // AMD CPU): platforms come first.
  std::vector<std::shared_ptr<Device>> found;
  for (const auto &device : ofType)
    if (platformContains(*device, selector.nameFragment))
      found.push_back(device);
  if (!found.empty())
    return found;
  for (const auto &device : ofType)
    if (contains(device->name(), selector.nameFragment))
      found.push_back(device);
  return found;
}

Expected<DeviceSelector> parseDeviceSelector(const std::string &text) {
  auto malformed = [&] {
    return Status::error(errc::device_not_found,
                         "DPEX_DEVICE='" + text +
                             "' is not a device selector; " + AcceptedForms);
  };
  std::vector<std::string> parts = splitColons(lowerCase(text));
  if (parts.size() > 3)
    return malformed();

  DeviceSelector selector;
  if (parts[0] == "opencl")
    selector.kind = backend::opencl;
  else if (parts[0] == "cuda")
    selector.kind = backend::cuda;
  else
    return malformed();

  // What follows the backend: [type][:N], N alone, or a name fragment.
  std::size_t next = 1;
  if (next < parts.size()) {
    if (auto type = parseType(parts[next])) {
      selector.type = type;
      ++next;
    } else if (!isIndex(parts[next])) {
      // A name starts with a letter, so "opencl:-1" or "opencl:1x" is a
      // mistyped index rather than a name that matches nothing.
      if (parts.size() > 2 || parts[next].empty() ||
          !std::isalpha(static_cast<unsigned char>(parts[next][0])))
        return malformed();
      selector.nameFragment = parts[next];
      ++next;
    }
  }
  if (next < parts.size()) {
    if (!isIndex(parts[next]))
      return malformed();
    selector.index = std::stoul(parts[next]);
    ++next;
  }
  if (next != parts.size())
    return malformed();
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
  std::vector<std::shared_ptr<Device>> matching =
      matchingDevices(selector, devices);
  std::size_t found = matching.size();
  if (selector.index < found)
    return matching[selector.index];
  if (found == 0)
    return notFound(text, "no " + describeFilter(selector), platform);
  return notFound(
      text,
      describeFilter(selector) + " " + std::to_string(selector.index) +
          " does not exist; " + std::to_string(found) +
          (found == 1 ? " such device" : " such devices") + " found",
      platform);
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
  for (const auto &device : devices)
    if (device->backendKind() == backend::cuda &&
        device->type() == device_type::gpu)
      return device;
  // The best-ranked OpenCL device of `type` (first in platform order among
  // equals), or null; rank 0 (loads none of our images) counts only when
  // `anyImage`.
  auto bestOpenCL = [&](device_type type,
                        bool anyImage) -> std::shared_ptr<Device> {
    std::shared_ptr<Device> best;
    int bestRank = anyImage ? -1 : 0;
    for (const auto &device : devices) {
      if (device->backendKind() != backend::opencl || device->type() != type)
        continue;
      int rank = openclImageRank(*device);
      if (rank > bestRank) {
        best = device;
        bestRank = rank;
      }
    }
    return best;
  };
  if (auto device = bestOpenCL(device_type::gpu, /*anyImage=*/false))
    return device;
  if (auto device = bestOpenCL(device_type::cpu, /*anyImage=*/true))
    return device;
  if (!devices.empty())
    return devices.front();
  return Status::error(errc::device_not_found,
                       "no device available; backends:" + platform.describe());
}

} // namespace dpex::rt
