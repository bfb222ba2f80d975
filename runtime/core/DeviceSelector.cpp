#include "DeviceSelector.h"

#include "Platform.h"
#include "Trace.h"

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
    "counts the matching devices from 0; '*' as the backend or after it "
    "(opencl:*, *:gpu, *:cpu, cuda:*, *) lets the default rules choose among "
    "the matching devices";

const char *const OneApiForms =
    "dpex takes one term backend:device, backend one of opencl, cuda, *, and "
    "device one of *, cpu, gpu, fpga, N; set DPEX_DEVICE to choose a device";

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

std::optional<backend> parseBackend(const std::string &text) {
  if (text == "opencl")
    return backend::opencl;
  if (text == "cuda")
    return backend::cuda;
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
  std::string what = selector.kind ? to_string(*selector.kind) : "";
  if (selector.type)
    what += (what.empty() ? "" : " ") + std::string(to_string(*selector.type));
  what += what.empty() ? "device" : " device";
  if (!selector.nameFragment.empty())
    what += " whose platform, vendor or name contains '" +
            selector.nameFragment + "'";
  return what;
}

Status notFound(const std::string &text, const std::string &why,
                const Platform &platform) {
  return Status::error(errc::device_not_found,
                       text + ": " + why + "; devices:" + platform.describe());
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

// The words of a platform's vendor and name that could select it, vendor
// first ("The pocl project" says "pocl"; "Portable Computing Language"
// does not): alphanumeric runs of three or more characters starting with a
// letter, without the words every platform might have.
std::vector<std::string> platformWords(const Device &device) {
  static const char *const common[] = {"the", "project", "corporation", "inc",
                                       "ltd", "opencl",  "platform"};
  std::vector<std::string> words;
  for (const std::string &text :
       {device.platformVendor(), device.platformName()}) {
    std::string lower = lowerCase(text);
    for (std::size_t i = 0; i < lower.size();) {
      std::size_t end = i;
      while (end < lower.size() &&
             std::isalnum(static_cast<unsigned char>(lower[end])))
        ++end;
      std::string word = lower.substr(i, end - i);
      i = end == i ? i + 1 : end;
      if (word.size() < 3 || !std::isalpha(static_cast<unsigned char>(word[0])))
        continue;
      if (std::find(std::begin(common), std::end(common), word) !=
              std::end(common) ||
          std::find(words.begin(), words.end(), word) != words.end())
        continue;
      words.push_back(word);
    }
  }
  return words;
}

} // namespace

std::vector<std::shared_ptr<Device>>
matchingDevices(const DeviceSelector &selector,
                const std::vector<std::shared_ptr<Device>> &devices) {
  std::vector<std::shared_ptr<Device>> ofType;
  for (const auto &device : devices)
    if ((!selector.kind || device->backendKind() == *selector.kind) &&
        (!selector.type || device->type() == *selector.type))
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

std::shared_ptr<Device>
chooseByDefaultRules(const std::vector<std::shared_ptr<Device>> &candidates,
                     std::string &why) {
  for (const auto &device : candidates)
    if (device->backendKind() == backend::cuda &&
        device->type() == device_type::gpu) {
      why = "CUDA GPU first";
      return device;
    }
  // The best-ranked OpenCL device of `type` (first in order among equals),
  // or null; rank 0 (loads none of our images) counts only when `anyImage`.
  // `passedOver` says whether a lower-ranked one of that type was there.
  auto bestOpenCL = [&](device_type type, bool anyImage,
                        bool &passedOver) -> std::shared_ptr<Device> {
    std::shared_ptr<Device> best;
    int bestRank = anyImage ? -1 : 0;
    int lowest = 3;
    for (const auto &device : candidates) {
      if (device->backendKind() != backend::opencl || device->type() != type)
        continue;
      int rank = openclImageRank(*device);
      lowest = std::min(lowest, rank);
      if (rank > bestRank) {
        best = device;
        bestRank = rank;
      }
    }
    passedOver = best && lowest < bestRank;
    return best;
  };
  auto ranked = [](const Device &device, const char *what, bool passedOver) {
    bool spirv = openclImageRank(device) == 2;
    std::string text = std::string("OpenCL ") + what;
    if (passedOver)
      return text + (spirv ? " taking SPIR-V before one needing spir"
                           : " taking spir before one taking neither image");
    return text + (spirv ? " taking SPIR-V" : " taking spir");
  };
  bool passedOver = false;
  if (auto device = bestOpenCL(device_type::gpu, false, passedOver)) {
    why = "no CUDA GPU; " + ranked(*device, "GPU", passedOver);
    return device;
  }
  if (auto device = bestOpenCL(device_type::cpu, true, passedOver)) {
    why = "no GPU; " + (openclImageRank(*device) == 0
                            ? std::string("an OpenCL CPU, though it takes "
                                          "none of dpex's images")
                            : ranked(*device, "CPU", passedOver));
    return device;
  }
  if (candidates.empty())
    return nullptr;
  why = "no GPU or CPU dpex's images run on; the first device";
  return candidates.front();
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
  if (parts[0] == "*") {
    // "*", "*:*", "*:<type>": no index or name, which would have to count
    // across backends.
    selector.byDefaultRules = true;
    if (parts.size() > 2)
      return malformed();
    if (parts.size() == 2 && parts[1] != "*") {
      selector.type = parseType(parts[1]);
      if (!selector.type)
        return malformed();
    }
    return selector;
  }
  selector.kind = parseBackend(parts[0]);
  if (!selector.kind)
    return malformed();
  if (parts.size() == 2 && parts[1] == "*") {
    selector.byDefaultRules = true;
    return selector;
  }

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

Expected<OneApiSelector> parseOneApiSelector(const std::string &text) {
  auto malformed = [&](const std::string &why) {
    return Status::error(errc::device_not_found, "ONEAPI_DEVICE_SELECTOR='" +
                                                     text +
                                                     "' (DPEX_DEVICE "
                                                     "unset): " +
                                                     why + "; " + OneApiForms);
  };
  std::string lower = lowerCase(text);
  if (lower.find_first_of(";,!") != std::string::npos)
    return malformed("lists and discard filters are not supported");
  std::vector<std::string> parts = splitColons(lower);
  if (parts.size() != 2)
    return malformed("not one backend:device term");
  const std::string &device = parts[1];

  OneApiSelector result;
  DeviceSelector &selector = result.selector;
  if (parts[0] != "*") {
    selector.kind = parseBackend(parts[0]);
    if (!selector.kind) {
      if (parts[0] != "level_zero" && parts[0] != "hip" &&
          parts[0] != "native_cpu")
        return malformed("unknown backend '" + parts[0] + "'");
      result.foreignBackend = parts[0];
    }
  }
  // oneAPI filters the devices and then applies its default selector, so
  // a type or '*' picks by the default rules; a number is one device.
  if (isIndex(device)) {
    if (!selector.kind && result.foreignBackend.empty())
      return malformed("'*:N' counts across backends");
    selector.index = std::stoul(device);
  } else if (device == "*") {
    selector.byDefaultRules = true;
  } else if (device == "cpu" || device == "gpu" || device == "fpga") {
    selector.byDefaultRules = true;
    selector.type =
        device == "fpga" ? device_type::accelerator : *parseType(device);
  } else {
    return malformed("device '" + device + "' is not *, cpu, gpu, fpga or N");
  }
  return result;
}

Expected<DeviceChoice> selectDevice(const DeviceSelector &selector,
                                    const std::string &text,
                                    const Platform &platform) {
  // A named backend is enumerated alone: the other's driver stays unloaded.
  const std::vector<std::shared_ptr<Device>> *devices;
  if (selector.kind) {
    const Backend *backend = platform.findBackend(*selector.kind);
    assert(backend && "the platform registers every backend kind");
    devices = &backend->devices();
    if (devices->empty())
      return notFound(
          text,
          std::string(to_string(*selector.kind)) +
              " backend unavailable: " + backend->unavailableReason(),
          platform);
  } else {
    devices = &platform.devices();
  }
  std::vector<std::shared_ptr<Device>> matching =
      matchingDevices(selector, *devices);
  std::size_t found = matching.size();
  if (found == 0)
    return notFound(text, "no " + describeFilter(selector), platform);
  if (selector.byDefaultRules) {
    DeviceChoice choice;
    choice.device = chooseByDefaultRules(matching, choice.why);
    choice.why = text + ": " + choice.why;
    return choice;
  }
  if (selector.index < found)
    return DeviceChoice{matching[selector.index], text};
  return notFound(
      text,
      describeFilter(selector) + " " + std::to_string(selector.index) +
          " does not exist; " + std::to_string(found) +
          (found == 1 ? " such device" : " such devices") + " found",
      platform);
}

Expected<DeviceChoice> chooseDefaultDevice(const Platform &platform) {
  if (const char *env = std::getenv("DPEX_DEVICE"); env && *env) {
    std::string text = env;
    Expected<DeviceSelector> selector = parseDeviceSelector(text);
    if (!selector)
      return selector.status();
    return selectDevice(*selector, "DPEX_DEVICE='" + text + "'", platform);
  }
  if (const char *env = std::getenv("ONEAPI_DEVICE_SELECTOR"); env && *env) {
    std::string text = env;
    std::string label =
        "ONEAPI_DEVICE_SELECTOR='" + text + "' (DPEX_DEVICE unset)";
    Expected<OneApiSelector> parsed = parseOneApiSelector(text);
    if (!parsed)
      return parsed.status();
    if (!parsed->foreignBackend.empty())
      return notFound(label,
                      "dpex has no " + parsed->foreignBackend +
                          " backend; set DPEX_DEVICE to choose a device",
                      platform);
    Expected<DeviceChoice> choice =
        selectDevice(parsed->selector, label, platform);
    if (choice)
      trace("%s selects '%s' (%s)", choice->why.c_str(),
            choice->device->name().c_str(),
            to_string(choice->device->backendKind()));
    return choice;
  }

  DeviceChoice choice;
  choice.device = chooseByDefaultRules(platform.devices(), choice.why);
  if (!choice.device)
    return Status::error(errc::device_not_found, "no device available; "
                                                 "backends:" +
                                                     platform.describe());
  return choice;
}

Expected<std::shared_ptr<Device>>
selectDefaultDevice(const Platform &platform) {
  Expected<DeviceChoice> choice = chooseDefaultDevice(platform);
  if (!choice)
    return choice.status();
  return std::move(choice->device);
}

std::vector<std::string> exactSelectors(const Device &device,
                                        const Platform &platform) {
  std::string kind = to_string(device.backendKind());
  std::vector<std::string> candidates;
  for (const std::string &word : platformWords(device))
    candidates.push_back(kind + ":" + word);
  // The first platform word that picks this device is enough.
  std::vector<std::string> exact;
  auto picks = [&](const std::string &text) {
    Expected<DeviceSelector> selector = parseDeviceSelector(text);
    if (!selector)
      return false;
    Expected<DeviceChoice> choice = selectDevice(*selector, text, platform);
    return choice && choice->device.get() == &device;
  };
  for (const std::string &text : candidates)
    if (picks(text)) {
      exact.push_back(text);
      break;
    }
  const auto &all = platform.findBackend(device.backendKind())->devices();
  std::size_t ofType = 0, index = 0;
  for (const auto &other : all) {
    if (other.get() == &device)
      break;
    ++index;
    ofType += other->type() == device.type();
  }
  for (const std::string &text :
       {kind + ":" + to_string(device.type()) + ":" + std::to_string(ofType),
        kind + ":" + std::to_string(index)})
    if (picks(text))
      exact.push_back(text);
  return exact;
}

} // namespace dpex::rt
