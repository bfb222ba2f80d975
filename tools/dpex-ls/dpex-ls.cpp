// dpex-ls: lists every device the dpex runtime can run kernels on, the
// DPEX_DEVICE values that select each, the image it builds, its limits, and
// which one a program's default queue would use and why.
//
// Exit status: 0 when there is a default device; 1 when there is none (no
// device, or DPEX_DEVICE names a missing one or is malformed), which is when
// dpex::queue() would throw; 2 on a usage error.
#include "core/DeviceSelector.h"
#include "core/Platform.h"

#include <dpex/runtime/device.hpp>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

using dpex::rt::Device;
using dpex::rt::Platform;

const char *const Usage =
    "usage: dpex-ls [--verbose] [--json]\n"
    "Lists the devices dpex runs kernels on and the default one.\n"
    "  --verbose  every selector, the platform vendor and more limits\n"
    "  --json     one JSON object: devices and the default\n";

struct Listed {
  std::string id; // "opencl:1", its index among its backend's devices
  const Device *device;
  std::vector<std::string> selectors;
};

std::string bytes(std::size_t value) {
  if (value == 0)
    return "not reported";
  if (value % (1024 * 1024) == 0)
    return std::to_string(value / (1024 * 1024)) + " MiB";
  if (value % 1024 == 0)
    return std::to_string(value / 1024) + " KiB";
  return std::to_string(value) + " bytes";
}

std::string join(const std::vector<std::size_t> &values) {
  std::string text;
  for (std::size_t value : values)
    text += (text.empty() ? "" : " ") + std::to_string(value);
  return text;
}

std::string jsonString(const std::string &text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof(escaped), "\\u%04x", c);
      out += escaped;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

void printText(const std::vector<Listed> &listed, const Platform &platform,
               const dpex::rt::Expected<dpex::rt::DeviceChoice> &choice,
               bool verbose) {
  for (const Listed &entry : listed) {
    const Device &device = *entry.device;
    const dpex::rt::DeviceLimits &limits = device.limits();
    bool isDefault = choice && choice->device.get() == &device;
    std::printf("[%s] %s '%s'%s\n", entry.id.c_str(),
                dpex::to_string(device.type()), device.name().c_str(),
                isDefault ? "  (default)" : "");
    std::string platformText = device.platformName();
    if (verbose)
      platformText += " (" + device.platformVendor() + ")";
    std::string driver = device.driverVersion();
    std::printf("    platform %s, driver %s\n", platformText.c_str(),
                driver.empty() ? "not reported" : driver.c_str());
    std::string selectors;
    for (std::size_t i = 0; i < entry.selectors.size(); ++i)
      if (i == 0 || verbose)
        selectors += (i == 0 ? "DPEX_DEVICE=" : ", ") + entry.selectors[i];
    std::printf("    select   %s\n", selectors.c_str());
    std::printf("    image    %s\n", device.imageSummary().c_str());
    std::size_t units = device.computeUnits();
    std::vector<std::size_t> subGroups = device.subGroupSizes();
    std::printf("    limits   work-group %zu, local memory %s, compute units "
                "%s, sub-groups %s\n",
                limits.maxWorkGroupSize, bytes(limits.localMemory).c_str(),
                units ? std::to_string(units).c_str() : "not reported",
                subGroups.empty() ? "not reported" : join(subGroups).c_str());
    if (verbose)
      std::printf("             work-items per dimension %zu %zu %zu, one "
                  "allocation %s\n",
                  limits.maxWorkItemSizes[0], limits.maxWorkItemSizes[1],
                  limits.maxWorkItemSizes[2],
                  bytes(limits.maxAllocation).c_str());
    if (isDefault)
      std::printf("    default: %s\n", choice->why.c_str());
  }
  for (dpex::backend kind : {dpex::backend::cuda, dpex::backend::opencl}) {
    const dpex::rt::Backend *backend = platform.findBackend(kind);
    if (backend->devices().empty())
      std::printf("%s: unavailable (%s)\n", dpex::to_string(kind),
                  backend->unavailableReason().c_str());
  }
  if (!choice)
    std::printf("default: none: %s\n", choice.status().message().c_str());
}

void printJson(const std::vector<Listed> &listed, const Platform &platform,
               const dpex::rt::Expected<dpex::rt::DeviceChoice> &choice) {
  std::printf("{\n  \"devices\": [");
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const Device &device = *listed[i].device;
    const dpex::rt::DeviceLimits &limits = device.limits();
    std::string selectors;
    for (const std::string &text : listed[i].selectors)
      selectors += (selectors.empty() ? "" : ", ") + jsonString(text);
    std::printf(
        "%s\n    {\"id\": %s, \"backend\": %s, \"type\": %s, \"name\": %s, "
        "\"platform\": %s, \"vendor\": %s, \"driver_version\": %s, "
        "\"selectors\": [%s], \"image\": %s, \"max_work_group_size\": %zu, "
        "\"local_mem_size\": %zu, \"compute_units\": %zu, "
        "\"sub_group_sizes\": [%s], \"default\": %s}",
        i == 0 ? "" : ",", jsonString(listed[i].id).c_str(),
        jsonString(dpex::to_string(device.backendKind())).c_str(),
        jsonString(dpex::to_string(device.type())).c_str(),
        jsonString(device.name()).c_str(),
        jsonString(device.platformName()).c_str(),
        jsonString(device.platformVendor()).c_str(),
        jsonString(device.driverVersion()).c_str(), selectors.c_str(),
        jsonString(device.imageSummary()).c_str(), limits.maxWorkGroupSize,
        limits.localMemory, device.computeUnits(),
        [&] {
          std::string sizes;
          for (std::size_t size : device.subGroupSizes())
            sizes += (sizes.empty() ? "" : ", ") + std::to_string(size);
          return sizes;
        }()
            .c_str(),
        choice && choice->device.get() == &device ? "true" : "false");
  }
  std::printf("\n  ],\n  \"unavailable\": {");
  bool first = true;
  for (dpex::backend kind : {dpex::backend::cuda, dpex::backend::opencl}) {
    const dpex::rt::Backend *backend = platform.findBackend(kind);
    if (!backend->devices().empty())
      continue;
    std::printf("%s%s: %s", first ? "" : ", ",
                jsonString(dpex::to_string(kind)).c_str(),
                jsonString(backend->unavailableReason()).c_str());
    first = false;
  }
  std::printf("},\n  \"default\": ");
  if (choice) {
    std::string id;
    for (const Listed &entry : listed)
      if (entry.device == choice->device.get())
        id = entry.id;
    std::printf("{\"id\": %s, \"why\": %s}\n}\n", jsonString(id).c_str(),
                jsonString(choice->why).c_str());
  } else {
    std::printf("{\"error\": %s}\n}\n",
                jsonString(choice.status().message()).c_str());
  }
}

} // namespace

int main(int argc, char **argv) {
  bool verbose = false, json = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--verbose") || !std::strcmp(argv[i], "-v")) {
      verbose = true;
    } else if (!std::strcmp(argv[i], "--json")) {
      json = true;
    } else if (!std::strcmp(argv[i], "--help") || !std::strcmp(argv[i], "-h")) {
      std::fputs(Usage, stdout);
      return 0;
    } else {
      std::fprintf(stderr, "dpex-ls: unknown option '%s'\n%s", argv[i], Usage);
      return 2;
    }
  }

  const Platform &platform = Platform::instance();
  std::vector<Listed> listed;
  for (dpex::backend kind : {dpex::backend::cuda, dpex::backend::opencl}) {
    const auto &devices = platform.findBackend(kind)->devices();
    for (std::size_t i = 0; i < devices.size(); ++i)
      listed.push_back(
          {std::string(dpex::to_string(kind)) + ":" + std::to_string(i),
           devices[i].get(), dpex::rt::exactSelectors(*devices[i], platform)});
  }
  dpex::rt::Expected<dpex::rt::DeviceChoice> choice =
      dpex::rt::chooseDefaultDevice(platform);
  if (json)
    printJson(listed, platform, choice);
  else
    printText(listed, platform, choice, verbose);
  return choice ? 0 : 1;
}
