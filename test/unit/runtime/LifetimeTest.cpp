// Async launches keep their arrays alive until the host event completes.
#include "TestKernels.h"
#include "TestSupport.h"

#include <tuple>

TEST_CASE("arrays dropped right after an async launch stay alive",
          "[lifetime]") {
  dpex::queue q;
  const std::size_t n = 4096;
  dpex::array<float> y(q, n);
  y.copy_from(std::vector<float>(n, 1.0f));

  dpex::event host;
  {
    dpex::array<float> x(q, n);
    x.copy_from(std::vector<float>(n, 2.0f));
    host = dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n), {},
                                   3.0f, x, y)
               .first;
    // `x` goes out of scope here, likely while the kernel still runs.
  }
  host.wait();
  // The launch released its reference to `y` before completing.
  REQUIRE(y.use_count() == 1);
  REQUIRE(y.to_host() == std::vector<float>(n, 7.0f));
}

TEST_CASE("every dropped input of many async launches is used correctly",
          "[lifetime]") {
  dpex::queue q;
  const std::size_t n = 512;
  dpex::array<float> y(q, n);
  y.copy_from(std::vector<float>(n, 0.0f));
  dpex::event last;
  for (int i = 1; i <= 30; ++i) {
    dpex::array<float> x(q, n);
    x.copy_from(std::vector<float>(n, static_cast<float>(i)));
    last = dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n), {last},
                                   1.0f, x, y)
               .first;
  }
  last.wait();
  q.wait();
  REQUIRE(y.to_host() == std::vector<float>(n, 30.0f * 31.0f / 2.0f));
}

TEST_CASE("a queue dropped with launches in flight finishes them",
          "[lifetime]") {
  dpex::event host;
  dpex::event device;
  {
    dpex::queue q(dpex::default_device(), dpex::enable_profiling);
    dpex::array<int> out(q, 1024);
    std::tie(host, device) = dpex::call_kernel_async(
        dpex_test::fill, dpex::range<1>(1024), {}, 5, out);
  }
  host.wait();
  REQUIRE(device.is_complete());
  REQUIRE(device.profiling().end >= device.profiling().start);
}
