// Launches and allocations past the device's limits (core/Backend.h,
// DeviceLimits) fail before anything is enqueued, naming what is over and by
// how much: drivers crash, or succeed without running anything, on them.
#include "TestKernels.h"
#include "TestSupport.h"

#include "core/Backend.h"

#include <cstdint>
#include <limits>

using Catch::Matchers::Contains;
using dpex_test::expectError;

namespace {

constexpr std::size_t SizeMax = std::numeric_limits<std::size_t>::max();

const dpex::rt::DeviceLimits &limitsOf(const dpex::queue &q) {
  return q.get_device().impl()->limits();
}

} // namespace

TEST_CASE("local memory past the device's is an error naming the argument",
          "[limits][local_memory]") {
  dpex::queue q;
  const std::size_t limit = limitsOf(q).localMemory;
  REQUIRE(limit > 0);
  dpex::array<float> in(q, 64), out(q, 1);
  const dpex::nd_range<1> range({64}, {64});
  SECTION("a local accessor larger than the device's local memory") {
    // PoCL aborted in the driver; Intel's runtime said CL_OUT_OF_RESOURCES.
    const std::size_t count = limit / sizeof(float) + 1000;
    for (bool async : {false, true}) {
      dpex::error e = expectError([&] {
        if (async)
          dpex::call_kernel_async(dpex_test::tile_sum, range, {}, in, out,
                                  dpex::local_memory<float>(count));
        else
          dpex::call_kernel(dpex_test::tile_sum, range, in, out,
                            dpex::local_memory<float>(count));
      });
      REQUIRE(e.code() == dpex::errc::invalid_argument);
      REQUIRE_THAT(e.what(), Contains("argument 3 'tile'"));
      REQUIRE_THAT(e.what(),
                   Contains(" bytes over the " + std::to_string(limit) +
                            " bytes of local memory"));
    }
  }
  SECTION("a byte size that does not fit size_t") {
    // (2^62 + 16) * 4 bytes wrapped to 64: Intel's runtime crashed, PoCL
    // ran with 64 bytes.
    dpex::local_memory<float> wrapping((std::size_t{1} << 62) + 16);
    REQUIRE(wrapping.byte_size() == SizeMax);
    dpex::error e = expectError([&] {
      dpex::call_kernel(dpex_test::tile_sum, range, in, out, wrapping);
    });
    REQUIRE(e.code() == dpex::errc::invalid_argument);
    REQUIRE_THAT(e.what(), Contains("argument 3 'tile'"));
    REQUIRE_THAT(e.what(), Contains("does not fit size_t"));
  }
  // The queue is still usable: nothing half-enqueued blocks it.
  std::vector<float> ones(64, 1.0f);
  in.copy_from(ones);
  dpex::call_kernel(dpex_test::tile_sum, range, in, out,
                    dpex::local_memory<float>(64));
  REQUIRE(out.to_host() == std::vector<float>{64.0f});
}

TEST_CASE("a range past the device's launch limits is invalid_range",
          "[limits][range]") {
  dpex::queue q;
  const dpex::rt::DeviceLimits &limits = limitsOf(q);
  auto launch = [&](std::size_t n, bool async) {
    if (async)
      dpex::call_kernel_async(q, dpex_test::scalar_only, dpex::range<1>(n), {},
                              1);
    else
      dpex::call_kernel(q, dpex_test::scalar_only, dpex::range<1>(n), 1);
  };
  // SIZE_MAX: Intel's runtime ran nothing (the rounded grid wrapped to 0)
  // and PoCL aborted, as for 2^63; 2^40 work-items ran nothing on PoCL.
  for (std::size_t n :
       {SizeMax, SizeMax - 100, std::size_t{1} << 63, std::size_t{1} << 40}) {
    if (n <= limits.maxGlobalItems && n <= limits.maxGlobalSizes[0])
      continue; // a device that runs it; none here
    for (bool async : {false, true}) {
      dpex::error e = expectError([&] { launch(n, async); });
      REQUIRE(e.code() == dpex::errc::invalid_range);
      REQUIRE_THAT(e.what(),
                   Contains("global range [" + std::to_string(n) + "]"));
      REQUIRE_THAT(e.what(),
                   Contains(std::to_string(std::min(
                       limits.maxGlobalItems, limits.maxGlobalSizes[0]))));
    }
  }
  q.wait();
}

TEST_CASE("an extent past the device's limit names its dimension",
          "[limits][range]") {
  dpex::queue q;
  const dpex::rt::DeviceLimits &limits = limitsOf(q);
  // dpex dimension 0 of a 2-d launch is backend dimension 1.
  const std::size_t max = limits.maxGlobalSizes[1];
  if (max == SizeMax)
    return; // no extent is past it
  dpex::array<int> out(q, 1);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::index2d, dpex::range<2>(max + 1, 1), out);
  });
  REQUIRE(e.code() == dpex::errc::invalid_range);
  REQUIRE_THAT(e.what(), Contains(" work-items in dimension 0 by 1"));
}

TEST_CASE("an nd_range with too many work-groups is invalid_range",
          "[limits][range]") {
  dpex::queue q;
  const dpex::rt::DeviceLimits &limits = limitsOf(q);
  dpex::array<float> in(q, 64), out(q, 1);
  // Both drivers crashed on this one.
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::tile_sum,
                      dpex::nd_range<1>({SizeMax - 63}, {64}), in, out,
                      dpex::local_memory<float>(64));
  });
  REQUIRE(e.code() == dpex::errc::invalid_range);
  REQUIRE_THAT(e.what(),
               Contains("global range [" + std::to_string(SizeMax - 63) + "]"));
  // Within the work-items, past the work-groups: groups of one.
  std::size_t groups = limits.maxWorkGroups + std::size_t{1};
  if (limits.maxWorkGroups < SizeMax && groups <= limits.maxGlobalItems &&
      groups <= limits.maxGlobalSizes[0]) {
    e = expectError([&] {
      dpex::call_kernel(dpex_test::tile_sum, dpex::nd_range<1>({groups}, {1}),
                        in, out, dpex::local_memory<float>(1));
    });
    REQUIRE(e.code() == dpex::errc::invalid_range);
    REQUIRE_THAT(e.what(), Contains(std::to_string(groups) +
                                    " work-groups, 1 more than the device's"));
  }
}

TEST_CASE("an array past the device's largest allocation is out_of_memory",
          "[limits][array]") {
  dpex::queue q;
  const std::size_t max = limitsOf(q).maxAllocation;
  if (max == 0 || max == SizeMax)
    return; // only the allocation itself can tell
  dpex::error e = expectError([&] { dpex::array<char> a(q, max + 16); });
  REQUIRE(e.code() == dpex::errc::out_of_memory);
  REQUIRE_THAT(e.what(), Contains("16 bytes over the device's largest "
                                  "allocation, " +
                                  std::to_string(max) + " bytes"));
  e = expectError([&] { dpex::array<int> a(q, SizeMax / 2); });
  REQUIRE(e.code() == dpex::errc::out_of_memory);
}
