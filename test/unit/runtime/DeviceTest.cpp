// Device listing, queues, and DPEX_DEVICE selection.
#include "TestSupport.h"

#include "core/Backend.h"
#include "core/DeviceSelector.h"
#include "core/Platform.h"

#include <algorithm>
#include <cctype>

using Catch::Matchers::Contains;
using dpex_test::expectError;
using dpex_test::ScopedEnv;

namespace {

std::size_t countOpenCL(const std::vector<dpex::device> &devices,
                        std::optional<dpex::device_type> type = {}) {
  return std::count_if(devices.begin(), devices.end(), [&](const auto &d) {
    return d.backend() == dpex::backend::opencl && (!type || d.type() == *type);
  });
}

const char *const AcceptedForms = "accepted forms: backend[:type][:N]";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool takesSpirv(const dpex::device &d) {
  return d.impl()->canLoad(dpex::detail::image_format::spirv);
}

} // namespace

TEST_CASE("devices() lists the OpenCL CPU device", "[device]") {
  std::vector<dpex::device> devices = dpex::devices();
  REQUIRE(countOpenCL(devices, dpex::device_type::cpu) >= 1);
  for (const dpex::device &d : devices) {
    CHECK_FALSE(d.name().empty());
    CHECK_FALSE(d.platform().empty());
    CHECK(d.max_work_group_size() >= 1);
  }
  // Enumerated once: the same devices each time.
  REQUIRE(dpex::devices() == devices);
}

TEST_CASE("queues share state when copied and know their device",
          "[device][queue]") {
  dpex::device dev = dpex::devices().front();
  dpex::queue q(dev);
  dpex::queue copy = q;
  REQUIRE(copy == q);
  REQUIRE(q.get_device() == dev);
  REQUIRE(dpex::queue(dev) != q);

  dpex::queue def;
  std::vector<dpex::device> devices = dpex::devices();
  REQUIRE(std::find(devices.begin(), devices.end(), def.get_device()) !=
          devices.end());
}

TEST_CASE("without DPEX_DEVICE the default prefers a GPU, else the CPU",
          "[device][selection]") {
  ScopedEnv env("DPEX_DEVICE", "");
  std::vector<dpex::device> devices = dpex::devices();
  dpex::device chosen = dpex::default_device();
  bool anyGpu = std::any_of(devices.begin(), devices.end(), [](const auto &d) {
    return d.type() == dpex::device_type::gpu;
  });
  if (!anyGpu) {
    REQUIRE(chosen.type() == dpex::device_type::cpu);
    // Among CPUs, one that takes the SPIR-V itself wins over the spir image.
    bool anySpirvCpu = std::any_of(devices.begin(), devices.end(), takesSpirv);
    REQUIRE(takesSpirv(chosen) == anySpirvCpu);
  } else // A GPU unless it is an OpenCL one that loads neither SPIR-V nor SPIR.
    REQUIRE((chosen.type() == dpex::device_type::gpu ||
             chosen.type() == dpex::device_type::cpu));
}

TEST_CASE("DPEX_DEVICE selects OpenCL devices by type and index",
          "[device][selection]") {
  std::vector<dpex::device> devices = dpex::devices();
  std::vector<dpex::device> opencl;
  std::copy_if(
      devices.begin(), devices.end(), std::back_inserter(opencl),
      [](const auto &d) { return d.backend() == dpex::backend::opencl; });

  {
    ScopedEnv env("DPEX_DEVICE", "opencl:cpu");
    REQUIRE(dpex::queue().get_device().type() == dpex::device_type::cpu);
  }
  {
    ScopedEnv env("DPEX_DEVICE", "OpenCL:CPU");
    REQUIRE(dpex::default_device().type() == dpex::device_type::cpu);
  }
  for (std::size_t i = 0; i < opencl.size(); ++i) {
    std::string text = "opencl:" + std::to_string(i);
    ScopedEnv env("DPEX_DEVICE", text.c_str());
    REQUIRE(dpex::default_device() == opencl[i]);
  }
  {
    std::string text = "opencl:" + std::to_string(opencl.size());
    ScopedEnv env("DPEX_DEVICE", text.c_str());
    dpex::error e = expectError([] { dpex::queue q; });
    REQUIRE(e.code() == dpex::errc::device_not_found);
    REQUIRE_THAT(
        e.what(),
        Contains("opencl device " + std::to_string(opencl.size()) +
                 " does not exist; " + std::to_string(opencl.size()) +
                 (opencl.size() == 1 ? " such device" : " such devices") +
                 " found"));
  }
  if (countOpenCL(devices, dpex::device_type::gpu) == 0) {
    ScopedEnv env("DPEX_DEVICE", "opencl:gpu");
    dpex::error e = expectError([] { dpex::default_device(); });
    REQUIRE(e.code() == dpex::errc::device_not_found);
    REQUIRE_THAT(e.what(), Contains("no opencl gpu device"));
  }
}

TEST_CASE("DPEX_DEVICE counts devices of one type: opencl:cpu:N",
          "[device][selection]") {
  std::vector<dpex::device> cpus;
  for (const dpex::device &d : dpex::devices())
    if (d.backend() == dpex::backend::opencl &&
        d.type() == dpex::device_type::cpu)
      cpus.push_back(d);
  for (std::size_t i = 0; i < cpus.size(); ++i) {
    std::string text = "opencl:cpu:" + std::to_string(i);
    ScopedEnv env("DPEX_DEVICE", text.c_str());
    REQUIRE(dpex::default_device() == cpus[i]);
  }
  std::string text = "opencl:cpu:" + std::to_string(cpus.size());
  ScopedEnv env("DPEX_DEVICE", text.c_str());
  dpex::error e = expectError([] { dpex::default_device(); });
  REQUIRE(e.code() == dpex::errc::device_not_found);
  REQUIRE_THAT(e.what(),
               Contains("opencl cpu device " + std::to_string(cpus.size()) +
                        " does not exist"));
}

TEST_CASE("DPEX_DEVICE selects by part of the platform or device name",
          "[device][selection]") {
  for (const dpex::device &d : dpex::devices()) {
    if (d.backend() != dpex::backend::opencl)
      continue;
    // The first device whose platform matches the platform's first word.
    std::string word = lower(d.platform().substr(0, d.platform().find(' ')));
    std::string text = "OpenCL:" + word;
    INFO("DPEX_DEVICE=" << text);
    ScopedEnv env("DPEX_DEVICE", text.c_str());
    dpex::device chosen = dpex::default_device();
    REQUIRE(chosen.backend() == dpex::backend::opencl);
    bool inPlatform = lower(chosen.platform()).find(word) != std::string::npos;
    bool inName = lower(chosen.name()).find(word) != std::string::npos;
    REQUIRE((inPlatform || inName));
  }
  ScopedEnv env("DPEX_DEVICE", "opencl:no-such-driver");
  dpex::error e = expectError([] { dpex::default_device(); });
  REQUIRE(e.code() == dpex::errc::device_not_found);
  REQUIRE_THAT(e.what(), Contains("no opencl device whose platform, vendor or "
                                  "name contains 'no-such-driver'"));
}

TEST_CASE("garbled DPEX_DEVICE values list the accepted forms",
          "[device][selection]") {
  for (const char *text :
       {"gpu", "opencl:", "cuda:", "vulkan:0", "opencl:-1", "opencl:1x", ":0",
        "opencl::0", "opencl:cpu:x", "opencl:intel:0", "opencl:cpu:0:1",
        "opencl:99999999999"}) {
    INFO("DPEX_DEVICE=" << text);
    ScopedEnv env("DPEX_DEVICE", text);
    dpex::error e = expectError([] { dpex::queue q; });
    REQUIRE(e.code() == dpex::errc::device_not_found);
    REQUIRE_THAT(e.what(), Contains(AcceptedForms));
    REQUIRE_THAT(e.what(), Contains(std::string("'") + text + "'"));
  }
}

TEST_CASE("each device's exact selectors pick it", "[device][selection]") {
  const dpex::rt::Platform &platform = dpex::rt::Platform::instance();
  for (const dpex::device &d : dpex::devices()) {
    std::vector<std::string> selectors =
        dpex::rt::exactSelectors(*d.impl(), platform);
    // At least the index among its backend's devices.
    REQUIRE_FALSE(selectors.empty());
    for (const std::string &text : selectors) {
      INFO("DPEX_DEVICE=" << text);
      ScopedEnv env("DPEX_DEVICE", text.c_str());
      REQUIRE(dpex::default_device() == d);
    }
  }
}

TEST_CASE("DPEX_DEVICE's '*' forms choose by the default rules",
          "[device][selection]") {
  ScopedEnv oneApi("ONEAPI_DEVICE_SELECTOR", "");
  dpex::device byDefault = [] {
    ScopedEnv env("DPEX_DEVICE", "");
    return dpex::default_device();
  }();
  for (const char *text : {"*", "*:*"}) {
    ScopedEnv env("DPEX_DEVICE", text);
    REQUIRE(dpex::default_device() == byDefault);
  }
  std::string wildcard =
      byDefault.type() == dpex::device_type::other
          ? "*"
          : std::string("*:") + dpex::to_string(byDefault.type());
  ScopedEnv env("DPEX_DEVICE", wildcard.c_str());
  REQUIRE(dpex::default_device() == byDefault);
}

TEST_CASE("ONEAPI_DEVICE_SELECTOR counts only without DPEX_DEVICE",
          "[device][selection]") {
  std::vector<dpex::device> devices = dpex::devices();
  if (countOpenCL(devices) == 0)
    return;
  {
    ScopedEnv env("DPEX_DEVICE", "");
    ScopedEnv oneApi("ONEAPI_DEVICE_SELECTOR", "level_zero:gpu");
    dpex::error e = expectError([] { dpex::default_device(); });
    REQUIRE(e.code() == dpex::errc::device_not_found);
    REQUIRE_THAT(e.what(), Contains("dpex has no level_zero backend"));
  }
  {
    ScopedEnv env("DPEX_DEVICE", "opencl:0");
    ScopedEnv oneApi("ONEAPI_DEVICE_SELECTOR", "level_zero:gpu");
    REQUIRE(dpex::default_device().backend() == dpex::backend::opencl);
  }
  {
    ScopedEnv env("DPEX_DEVICE", "");
    ScopedEnv oneApi("ONEAPI_DEVICE_SELECTOR", "opencl:0");
    dpex::device chosen = dpex::default_device();
    ScopedEnv exact("DPEX_DEVICE", "opencl:0");
    REQUIRE(chosen == dpex::default_device());
  }
  {
    ScopedEnv env("DPEX_DEVICE", "");
    ScopedEnv oneApi("ONEAPI_DEVICE_SELECTOR", "opencl:0;opencl:1");
    dpex::error e = expectError([] { dpex::default_device(); });
    REQUIRE_THAT(e.what(), Contains("lists and discard filters"));
  }
}

TEST_CASE("device queries report what the driver says", "[device]") {
  for (const dpex::device &d : dpex::devices()) {
    INFO(d.name());
    REQUIRE(d.local_mem_size() == d.impl()->limits().localMemory);
    // Every driver dpex runs on reports these.
    CHECK_FALSE(d.driver_version().empty());
    CHECK(d.compute_units() >= 1);
    for (std::size_t size : d.sub_group_sizes())
      CHECK((size >= 1 && size <= d.max_work_group_size()));
    if (d.backend() == dpex::backend::cuda)
      CHECK(d.sub_group_sizes() == std::vector<std::size_t>{32});
  }
}
