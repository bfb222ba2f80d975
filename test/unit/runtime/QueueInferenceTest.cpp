// Compute follows data: the launch queue comes from the array arguments.
#include "TestKernels.h"
#include "TestSupport.h"

using Catch::Matchers::Contains;
using dpex_test::expectError;

TEST_CASE("the queue of the arrays runs the kernel", "[queue]") {
  dpex::queue q1, q2;
  dpex::array<int> a(q1, 4), b(q2, 4);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 1, a);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 2, b);
  auto [host, device] =
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(2), {}, 3, b);
  host.wait();
  REQUIRE(a.to_host() == std::vector<int>{1, 1, 1, 1});
  REQUIRE(b.to_host() == std::vector<int>{3, 3, 2, 2});
}

TEST_CASE("arrays on different queues cannot be inferred", "[queue][error]") {
  dpex::queue q1, q2;
  dpex::array<float> x(q1, 4), y(q2, 4);
  for (bool async : {false, true}) {
    dpex::error e = expectError([&] {
      if (async)
        dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(4), {}, 1.0f,
                                x, y);
      else
        dpex::call_kernel(dpex_test::saxpy, dpex::range<1>(4), 1.0f, x, y);
    });
    REQUIRE(e.code() == dpex::errc::queue_inference);
    REQUIRE_THAT(e.what(), Contains("dpex_test::saxpy"));
    REQUIRE_THAT(e.what(), Contains("argument 3 'y' (float*)"));
    REQUIRE_THAT(e.what(), Contains("argument 2 'x' (const float*)"));
  }
}

TEST_CASE("a launch without arrays needs an explicit queue", "[queue][error]") {
  dpex::error e = expectError(
      [] { dpex::call_kernel(dpex_test::scalar_only, dpex::range<1>(4), 5); });
  REQUIRE(e.code() == dpex::errc::queue_inference);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::scalar_only)"));
  REQUIRE_THAT(e.what(), Contains("pass a queue as first argument"));

  dpex::queue q(dpex::default_device(), dpex::enable_profiling);
  auto [host, device] = dpex::call_kernel_async(q, dpex_test::scalar_only,
                                                dpex::range<1>(4), {}, 5);
  device.wait();
  REQUIRE(device.profiling().end >= device.profiling().start);
  host.wait();
  REQUIRE(host.is_complete());
}

TEST_CASE("an explicit queue must be the arrays' queue", "[queue][error]") {
  dpex::queue q1, q2;
  dpex::array<int> a(q1, 4);
  dpex::call_kernel(q1, dpex_test::fill, dpex::range<1>(4), 6, a);
  REQUIRE(a.to_host() == std::vector<int>{6, 6, 6, 6});

  dpex::error e = expectError(
      [&] { dpex::call_kernel(q2, dpex_test::fill, dpex::range<1>(4), 7, a); });
  REQUIRE(e.code() == dpex::errc::queue_inference);
  REQUIRE_THAT(e.what(), Contains("argument 2 'out' (int*)"));
  REQUIRE_THAT(e.what(), Contains("the queue passed to the call"));
  REQUIRE(a.to_host() == std::vector<int>{6, 6, 6, 6});
}
