// DPEX_DEVICE over fake devices, whatever drivers this machine has: which
// platforms and devices a name fragment picks, what the '*' forms and
// ONEAPI_DEVICE_SELECTOR's let the default rules choose, and which values
// are malformed.
#include "core/DeviceSelector.h"
#include "core/Backend.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using dpex::rt::Device;
using dpex::rt::DeviceSelector;

namespace {

class FakeDevice final : public Device {
public:
  // `images`: what canLoad accepts; SPIR-V and spir unless told.
  FakeDevice(std::string name, std::string platform, std::string vendor,
             dpex::device_type type = dpex::device_type::cpu,
             dpex::backend kind = dpex::backend::opencl,
             std::vector<dpex::detail::image_format> images =
                 {dpex::detail::image_format::spirv,
                  dpex::detail::image_format::spir})
      : name_(std::move(name)), platform_(std::move(platform)),
        vendor_(std::move(vendor)), type_(type), kind_(kind),
        images_(std::move(images)) {}

  const std::string &name() const override { return name_; }
  const std::string &platformName() const override { return platform_; }
  const std::string &platformVendor() const override { return vendor_; }
  dpex::backend backendKind() const override { return kind_; }
  dpex::device_type type() const override { return type_; }
  const dpex::rt::DeviceLimits &limits() const override { return limits_; }
  bool canLoad(dpex::detail::image_format format) const override {
    return std::find(images_.begin(), images_.end(), format) != images_.end();
  }
  std::string imageSummary() const override { return "fake"; }
  std::string driverVersion() const override { return "fake"; }
  std::size_t computeUnits() const override { return 0; }
  std::vector<std::size_t> subGroupSizes() const override { return {}; }
  dpex::rt::Expected<std::shared_ptr<dpex::rt::Queue>>
  createQueue(bool) override {
    return dpex::rt::Status::error(dpex::errc::backend_error, "fake");
  }
  dpex::rt::Expected<void *> allocate(std::size_t) override {
    return dpex::rt::Status::error(dpex::errc::out_of_memory, "fake");
  }
  void deallocate(void *) override {}
  dpex::rt::Expected<std::unique_ptr<dpex::rt::Module>>
  buildModule(const dpex::detail::module_desc &) override {
    return dpex::rt::Status::error(dpex::errc::backend_error, "fake");
  }

private:
  std::string name_, platform_, vendor_;
  dpex::device_type type_;
  dpex::backend kind_;
  std::vector<dpex::detail::image_format> images_;
  dpex::rt::DeviceLimits limits_;
};

// What PoCL and Intel's CPU runtime report on an AMD and an Intel host.
const std::shared_ptr<Device> PoclOnAmd = std::make_shared<FakeDevice>(
    "cpu-znver3-AMD EPYC 7B13", "Portable Computing Language",
    "The pocl project");
const std::shared_ptr<Device> PoclOnIntel = std::make_shared<FakeDevice>(
    "cpu-skylake-avx512-Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz",
    "Portable Computing Language", "The pocl project");
const std::shared_ptr<Device> IntelOnIntel = std::make_shared<FakeDevice>(
    "Intel(R) Xeon(R) Platinum 8481C CPU @ 2.70GHz", "Intel(R) OpenCL",
    "Intel(R) Corporation");

std::vector<std::shared_ptr<Device>>
match(const char *text, const std::vector<std::shared_ptr<Device>> &devices) {
  dpex::rt::Expected<DeviceSelector> selector =
      dpex::rt::parseDeviceSelector(text);
  REQUIRE(selector);
  return dpex::rt::matchingDevices(*selector, devices);
}

using Devices = std::vector<std::shared_ptr<Device>>;

} // namespace

TEST_CASE("backend:<name> matches platform names before device names",
          "[device][selection]") {
  SECTION("a platform's name wins over a device name that contains it") {
    // PoCL lists first and its device name says "Intel".
    Devices devices{PoclOnIntel, IntelOnIntel};
    REQUIRE(match("opencl:intel", devices) == Devices{IntelOnIntel});
    REQUIRE(match("opencl:INTEL", devices) == Devices{IntelOnIntel});
    REQUIRE(match("opencl:pocl", devices) == Devices{PoclOnIntel});
    REQUIRE(match("opencl:portable", devices) == Devices{PoclOnIntel});
  }
  SECTION("device names count where no platform matches") {
    Devices devices{PoclOnAmd, IntelOnIntel};
    REQUIRE(match("opencl:amd", devices) == Devices{PoclOnAmd});
    REQUIRE(match("opencl:xeon", devices) == Devices{IntelOnIntel});
    REQUIRE(match("opencl:nvidia", devices).empty());
  }
  SECTION("a name picks every device of the platforms it matches") {
    auto gpu = std::make_shared<FakeDevice>(
        "Intel(R) Arc(TM) A770", "Intel(R) OpenCL Graphics",
        "Intel(R) Corporation", dpex::device_type::gpu);
    Devices devices{PoclOnIntel, IntelOnIntel, gpu};
    REQUIRE(match("opencl:intel", devices) == Devices{IntelOnIntel, gpu});
    REQUIRE(match("opencl:gpu", devices) == Devices{gpu});
    REQUIRE(match("opencl:cpu", devices) == Devices{PoclOnIntel, IntelOnIntel});
  }
}

namespace {

using dpex::detail::image_format;

const std::shared_ptr<Device> PoclSpirOnly = std::make_shared<FakeDevice>(
    "cpu-znver3-AMD EPYC 7B13", "Portable Computing Language",
    "The pocl project", dpex::device_type::cpu, dpex::backend::opencl,
    std::vector<image_format>{image_format::spir});
const std::shared_ptr<Device> IntelSpirv = std::make_shared<FakeDevice>(
    "AMD EPYC 7B13", "Intel(R) OpenCL", "Intel(R) Corporation");
const std::shared_ptr<Device> CudaGpu = std::make_shared<FakeDevice>(
    "NVIDIA H100", "NVIDIA CUDA", "NVIDIA Corporation", dpex::device_type::gpu,
    dpex::backend::cuda,
    std::vector<image_format>{image_format::ptx, image_format::cubin});
const std::shared_ptr<Device> OpenCLGpuNoImage = std::make_shared<FakeDevice>(
    "Old GPU", "Some OpenCL", "Someone", dpex::device_type::gpu,
    dpex::backend::opencl, std::vector<image_format>{});
const std::shared_ptr<Device> OpenCLGpuSpir = std::make_shared<FakeDevice>(
    "Spir GPU", "Other OpenCL", "Other", dpex::device_type::gpu,
    dpex::backend::opencl, std::vector<image_format>{image_format::spir});

DeviceSelector parse(const char *text) {
  dpex::rt::Expected<DeviceSelector> selector =
      dpex::rt::parseDeviceSelector(text);
  INFO("DPEX_DEVICE=" << text);
  REQUIRE(selector);
  return *selector;
}

// What `text` picks among `devices` the way selectDevice does, without a
// platform: the default rules for the '*' forms, else by index.
std::shared_ptr<Device> pick(const char *text, const Devices &devices,
                             std::string *why = nullptr) {
  DeviceSelector selector = parse(text);
  Devices matching = dpex::rt::matchingDevices(selector, devices);
  if (!selector.byDefaultRules)
    return selector.index < matching.size() ? matching[selector.index]
                                            : nullptr;
  std::string reason;
  std::shared_ptr<Device> chosen =
      dpex::rt::chooseByDefaultRules(matching, reason);
  if (why)
    *why = reason;
  return chosen;
}

} // namespace

TEST_CASE("'*' forms parse to the default rules over what they match",
          "[device][selection]") {
  for (const char *text : {"*", "*:*", "opencl:*", "cuda:*", "*:gpu", "*:cpu",
                           "*:accelerator", "OPENCL:*"}) {
    INFO("DPEX_DEVICE=" << text);
    REQUIRE(parse(text).byDefaultRules);
  }
  REQUIRE_FALSE(parse("*").kind);
  REQUIRE(parse("cuda:*").kind == dpex::backend::cuda);
  REQUIRE(parse("*:gpu").type == dpex::device_type::gpu);
  REQUIRE_FALSE(parse("*:gpu").kind);
  REQUIRE_FALSE(parse("opencl:cpu").byDefaultRules);
  // A count or a name across backends, or '*' mixed with an index, has no
  // meaning dpex gives it.
  for (const char *text : {"*:0", "*:intel", "*:cpu:0", "opencl:*:0",
                           "opencl:cpu:*", "**", "*opencl", "*:", "vulkan:*"}) {
    INFO("DPEX_DEVICE=" << text);
    dpex::rt::Expected<DeviceSelector> selector =
        dpex::rt::parseDeviceSelector(text);
    REQUIRE_FALSE(selector);
    REQUIRE(selector.status().message().find("accepted forms") !=
            std::string::npos);
  }
}

TEST_CASE("the default rules: CUDA GPU, OpenCL GPU with an image, OpenCL CPU "
          "taking SPIR-V",
          "[device][selection]") {
  std::string why;
  SECTION("a CUDA GPU comes first") {
    Devices devices{PoclSpirOnly, IntelSpirv, OpenCLGpuSpir, CudaGpu};
    REQUIRE(pick("*", devices, &why) == CudaGpu);
    REQUIRE(why == "CUDA GPU first");
    REQUIRE(pick("*:gpu", devices) == CudaGpu);
    REQUIRE(pick("cuda:*", devices) == CudaGpu);
    REQUIRE(pick("opencl:*", devices, &why) == OpenCLGpuSpir);
    REQUIRE(why == "no CUDA GPU; OpenCL GPU taking spir");
    REQUIRE(pick("*:cpu", devices) == IntelSpirv);
  }
  SECTION("an OpenCL GPU that loads no image is passed over for a CPU") {
    Devices devices{OpenCLGpuNoImage, PoclSpirOnly};
    REQUIRE(pick("*", devices, &why) == PoclSpirOnly);
    REQUIRE(why == "no GPU; OpenCL CPU taking spir");
    REQUIRE(pick("*:gpu", devices, &why) == OpenCLGpuNoImage);
    REQUIRE(why == "no GPU or CPU dpex's images run on; the first device");
  }
  SECTION("among CPUs, SPIR-V before spir, whatever the order") {
    for (const Devices &devices : {Devices{PoclSpirOnly, IntelSpirv},
                                   Devices{IntelSpirv, PoclSpirOnly}}) {
      REQUIRE(pick("*", devices, &why) == IntelSpirv);
      REQUIRE(why ==
              "no GPU; OpenCL CPU taking SPIR-V before one needing spir");
      REQUIRE(pick("*:cpu", devices) == IntelSpirv);
      REQUIRE(pick("opencl:*", devices) == IntelSpirv);
      // The plain forms take the first in order instead.
      REQUIRE(pick("opencl:cpu", devices) == devices.front());
      REQUIRE(pick("opencl", devices) == devices.front());
    }
  }
  SECTION("nothing matches") {
    Devices devices{PoclSpirOnly};
    REQUIRE(pick("cuda:*", devices) == nullptr);
    REQUIRE(pick("*:gpu", devices) == nullptr);
  }
}

TEST_CASE("ONEAPI_DEVICE_SELECTOR's single-term forms map to dpex selectors",
          "[device][selection]") {
  auto parseOneApi = [](const char *text) {
    dpex::rt::Expected<dpex::rt::OneApiSelector> parsed =
        dpex::rt::parseOneApiSelector(text);
    INFO("ONEAPI_DEVICE_SELECTOR=" << text);
    REQUIRE(parsed);
    return *parsed;
  };
  // oneAPI filters, then its default selector chooses: a type picks by the
  // default rules, unlike DPEX_DEVICE=opencl:cpu.
  dpex::rt::OneApiSelector cpu = parseOneApi("opencl:cpu");
  REQUIRE(cpu.selector.kind == dpex::backend::opencl);
  REQUIRE(cpu.selector.type == dpex::device_type::cpu);
  REQUIRE(cpu.selector.byDefaultRules);
  Devices devices{PoclSpirOnly, IntelSpirv};
  std::string why;
  REQUIRE(dpex::rt::chooseByDefaultRules(
              dpex::rt::matchingDevices(cpu.selector, devices), why) ==
          IntelSpirv);

  dpex::rt::OneApiSelector indexed = parseOneApi("CUDA:1");
  REQUIRE(indexed.selector.kind == dpex::backend::cuda);
  REQUIRE(indexed.selector.index == 1);
  REQUIRE_FALSE(indexed.selector.byDefaultRules);

  dpex::rt::OneApiSelector gpus = parseOneApi("*:gpu");
  REQUIRE_FALSE(gpus.selector.kind);
  REQUIRE(gpus.selector.type == dpex::device_type::gpu);
  REQUIRE(parseOneApi("opencl:fpga").selector.type ==
          dpex::device_type::accelerator);
  REQUIRE(parseOneApi("*:*").selector.byDefaultRules);

  // Backends dpex does not have parse, so that selection can say so.
  for (const char *text :
       {"level_zero:gpu", "level_zero:*", "hip:0", "native_cpu:cpu"}) {
    dpex::rt::OneApiSelector foreign = parseOneApi(text);
    REQUIRE_FALSE(foreign.selector.kind);
    REQUIRE_FALSE(foreign.foreignBackend.empty());
  }

  for (const char *text :
       {"opencl:0;cuda:*", "opencl:0,1", "!opencl:cpu", "level_zero:0.1",
        "opencl", "opencl:cpu:0", "vulkan:*", "*:0", "opencl:intel", ""}) {
    INFO("ONEAPI_DEVICE_SELECTOR=" << text);
    dpex::rt::Expected<dpex::rt::OneApiSelector> parsed =
        dpex::rt::parseOneApiSelector(text);
    REQUIRE_FALSE(parsed);
    REQUIRE(parsed.status().code() == dpex::errc::device_not_found);
    REQUIRE(parsed.status().message().find("set DPEX_DEVICE") !=
            std::string::npos);
  }
}
