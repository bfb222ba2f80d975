// Index spaces: dimension mapping, nd_range validation, empty ranges.
#include "TestKernels.h"
#include "TestSupport.h"

using Catch::Matchers::Contains;
using dpex_test::expectError;

TEST_CASE("range<N> holds its extents", "[range]") {
  constexpr dpex::range<3> r(2, 3, 4);
  STATIC_REQUIRE(r[0] == 2);
  STATIC_REQUIRE(r.get(2) == 4);
  STATIC_REQUIRE(r.size() == 24);
  constexpr dpex::nd_range<2> nd({8, 6}, {4, 3});
  STATIC_REQUIRE(nd.get_local_range()[1] == 3);
  STATIC_REQUIRE(nd.get_global_range() == dpex::range<2>(8, 6));
}

TEST_CASE("item<1> saxpy matches the host", "[range][kernel]") {
  dpex::queue q;
  const std::size_t n = 1000;
  std::vector<float> hx(n), hy(n), expected(n);
  for (std::size_t i = 0; i < n; ++i) {
    hx[i] = 0.5f * i;
    hy[i] = 3.0f * i + 1.0f;
    expected[i] = 2.0f * hx[i] + hy[i];
  }
  dpex::array<float> x(q, n), y(q, n);
  x.copy_from(hx);
  y.copy_from(hy);
  dpex::call_kernel(dpex_test::saxpy, dpex::range<1>(n), 2.0f, x, y);
  REQUIRE(y.to_host() == expected);
}

TEST_CASE("dimension 0 is the slowest-varying", "[range][kernel]") {
  dpex::queue q;
  SECTION("item<2>") {
    dpex::array<int> out(q, 3 * 5);
    dpex::call_kernel(dpex_test::index2d, dpex::range<2>(3, 5), out);
    std::vector<int> expected;
    for (int i = 0; i < 3; ++i)
      for (int j = 0; j < 5; ++j)
        expected.push_back(1000 * i + j);
    REQUIRE(out.to_host() == expected);
  }
  SECTION("item<3>") {
    dpex::array<int> out(q, 2 * 3 * 4);
    dpex::call_kernel(dpex_test::index3d, dpex::range<3>(2, 3, 4), out);
    std::vector<int> expected;
    for (int i = 0; i < 2; ++i)
      for (int j = 0; j < 3; ++j)
        for (int k = 0; k < 4; ++k)
          expected.push_back(10000 * i + 100 * j + k);
    REQUIRE(out.to_host() == expected);
  }
  SECTION("nd_item<2> local ids") {
    dpex::array<int> out(q, 4 * 6);
    dpex::call_kernel(dpex_test::local_index2d,
                      dpex::nd_range<2>({4, 6}, {2, 3}), out);
    std::vector<int> expected;
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 6; ++j)
        expected.push_back(100 * (i % 2) + j % 3);
    REQUIRE(out.to_host() == expected);
  }
}

TEST_CASE("bad local ranges are invalid_range before anything runs",
          "[range][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4 * 6);
  const std::vector<int> untouched(4 * 6, -1);
  out.copy_from(untouched);
  std::size_t max = q.get_device().max_work_group_size();

  struct BadRange {
    const char *what;
    dpex::nd_range<2> range;
    const char *message;
  };
  const BadRange cases[] = {
      {"not dividing", dpex::nd_range<2>({4, 6}, {2, 4}),
       "local range [2, 4] does not divide global range [4, 6] in dimension 1"},
      {"zero local", dpex::nd_range<2>({4, 6}, {0, 3}),
       "does not divide global range"},
      {"over the work-group limit", dpex::nd_range<2>({2, 2 * max}, {2, max}),
       "the device allows at most"},
  };
  for (const BadRange &bad : cases) {
    INFO(bad.what);
    dpex::error sync = expectError(
        [&] { dpex::call_kernel(dpex_test::local_index2d, bad.range, out); });
    REQUIRE(sync.code() == dpex::errc::invalid_range);
    REQUIRE_THAT(sync.what(), Contains(bad.message));
    REQUIRE_THAT(sync.what(),
                 Contains("call_kernel(dpex_test::local_index2d)"));

    dpex::error async = expectError([&] {
      dpex::call_kernel_async(dpex_test::local_index2d, bad.range, {}, out);
    });
    REQUIRE(async.code() == dpex::errc::invalid_range);
    REQUIRE_THAT(async.what(),
                 Contains("call_kernel_async(dpex_test::local_index2d)"));
  }
  q.wait();
  REQUIRE(out.to_host() == untouched);
}

TEST_CASE("an empty launch completes after its dependencies on its own queue",
          "[range][event]") {
  dpex::queue q;
  dpex::array<int> out(q, 1);
  out.copy_from(std::vector<int>{0});
  // Long enough on any CPU that the empty launch's events are asked for
  // while it still runs.
  auto [spinHost, spinDevice] = dpex::call_kernel_async(
      dpex_test::spin, dpex::range<1>(1), {}, std::int64_t{200000000}, out);
  auto [host, device] = dpex::call_kernel_async(
      dpex_test::fill, dpex::range<1>(0), {spinDevice}, 9, out);
  device.wait();
  REQUIRE(spinDevice.is_complete());
  host.wait();
  REQUIRE(out.to_host() == std::vector<int>{1});
  spinHost.wait();
}

TEST_CASE("a zero extent launches nothing and completes at once", "[range]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  const std::vector<int> untouched{1, 2, 3, 4};
  out.copy_from(untouched);

  dpex::call_kernel(dpex_test::fill, dpex::range<1>(0), 9, out);
  dpex::call_kernel(dpex_test::index2d, dpex::range<2>(2, 0), out);
  auto [host, device] =
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(0), {}, 9, out);
  REQUIRE(host.is_complete());
  REQUIRE(device.is_complete());
  dpex::call_kernel(dpex_test::local_index2d, dpex::nd_range<2>({0, 6}, {2, 3}),
                    out);
  REQUIRE(out.to_host() == untouched);
}
