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
