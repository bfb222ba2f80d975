// local_accessor parameters sized with local_memory at launch.
#include "TestKernels.h"
#include "TestSupport.h"

TEST_CASE("work-group sums through local memory match the host",
          "[local_memory][kernel]") {
  dpex::queue q;
  const std::size_t n = 1024, group = 64, groups = n / group;
  std::vector<float> input(n);
  for (std::size_t i = 0; i < n; ++i)
    input[i] = static_cast<float>(i % 17);
  std::vector<float> expected(groups, 0.0f);
  for (std::size_t i = 0; i < n; ++i)
    expected[i / group] += input[i];

  dpex::array<float> in(q, n), out(q, groups);
  in.copy_from(input);
  dpex::call_kernel(dpex_test::tile_sum, dpex::nd_range<1>({n}, {group}), in,
                    out, dpex::local_memory<float>(group));
  REQUIRE(out.to_host() == expected);

  // Async, with the sizes of a different work-group.
  auto [host, device] = dpex::call_kernel_async(
      dpex_test::tile_sum, dpex::nd_range<1>({n}, {2 * group}), {}, in,
      out.slice(0, groups / 2), dpex::local_memory<float>(2 * group));
  host.wait();
  std::vector<float> result = out.to_host();
  for (std::size_t g = 0; g < groups / 2; ++g)
    REQUIRE(result[g] == expected[2 * g] + expected[2 * g + 1]);
}
