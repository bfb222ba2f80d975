// DPEX_REQD_SUB_GROUP_SIZE checked at launch: a kernel whose size the device
// lacks is refused with unsupported_image naming the kernel, its size and
// the device's sizes, while the other kernels of its module run (on Intel's
// runtime the SPIR-V image builds without that kernel's requirement). A
// kernel whose size the device has runs with sub-groups of that size: on
// Intel, that it runs at all shows the module's SPIR-V image was built, not
// the SPIR image the runtime falls back to, which leaves it out.
#include "reqd_sub_group_size_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

bool hasSize(const dpex::queue &q, std::size_t size) {
  std::vector<std::size_t> sizes = q.get_device().sub_group_sizes();
  return std::find(sizes.begin(), sizes.end(), size) != sizes.end();
}

std::string sizeList(const dpex::queue &q) {
  std::string list;
  for (std::size_t size : q.get_device().sub_group_sizes())
    list += (list.empty() ? "" : ", ") + std::to_string(size);
  return list.empty() ? "none reported" : list;
}

constexpr std::size_t n = 64, local = 32;

// Launches a kernel requiring sub-groups of `size`: its sub-group sizes
// where the device has `size`, else the error's message (checked).
std::vector<unsigned long>
launchRequiring(dpex::queue &q,
                const dpex::kernel<void(dpex::nd_item<1>, unsigned long *)> &k,
                std::size_t size, const char *name) {
  dpex::array<unsigned long> out(q, n);
  try {
    dpex::call_kernel(
        k, dpex::nd_range<1>(dpex::range<1>(n), dpex::range<1>(local)), out);
  } catch (const dpex::error &e) {
    INFO(e.what());
    REQUIRE_FALSE(hasSize(q, size));
    REQUIRE(e.code() == dpex::errc::unsupported_image);
    REQUIRE_THAT(e.what(),
                 Catch::Matchers::Contains("kernel '" + std::string(name) +
                                           "' of module '"));
    REQUIRE_THAT(e.what(), Catch::Matchers::Contains("requires sub-groups of " +
                                                     std::to_string(size) +
                                                     " work-items"));
    REQUIRE_THAT(e.what(), Catch::Matchers::Contains(
                               "its sub-group sizes: " + sizeList(q) + ")"));
    return {};
  }
  REQUIRE(hasSize(q, size));
  return out.to_host();
}

void checkOrdinaryKernel(dpex::queue &q) {
  std::vector<int> hin(n);
  for (std::size_t i = 0; i < n; ++i)
    hin[i] = static_cast<int>(i * 5) - 40;
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(hin);
  dpex::call_kernel(scale_and_offset, dpex::range<1>(n), in, out);
  std::vector<int> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    INFO("work-item " << i);
    REQUIRE(got[i] == hin[i] * 3 + 1);
  }
}

} // namespace

TEST_CASE("A kernel requiring a sub-group size the device lacks is refused; "
          "its module's other kernels run",
          "[e2e][sub_group]") {
  dpex::queue q;
  INFO(q.get_device().name() << ", sub-group sizes " << sizeList(q));
  // Before and after each launch of the kernel the device may refuse.
  checkOrdinaryKernel(q);
  for (int launch = 0; launch < 2; ++launch) {
    std::vector<unsigned long> got =
        launchRequiring(q, sub_group_size_2, 2, "sub_group_size_2");
    for (std::size_t i = 0; i < got.size(); ++i) {
      INFO("work-item " << i);
      REQUIRE(got[i] == 2);
    }
    checkOrdinaryKernel(q);
  }
}

TEST_CASE("A kernel requiring a sub-group size the device has runs with it",
          "[e2e][sub_group]") {
  dpex::queue q;
  INFO(q.get_device().name() << ", sub-group sizes " << sizeList(q));
  std::vector<unsigned long> got =
      launchRequiring(q, sub_group_size_16, 16, "sub_group_size_16");
  if (got.empty())
    return; // refused, as checked
  for (std::size_t i = 0; i < n; ++i) {
    INFO("work-item " << i);
    REQUIRE(got[i] == 16);
  }
}
