// dpex::array: copies in and out, slices, shared ownership, allocation
// failures.
#include "TestKernels.h"
#include "TestSupport.h"

#include <array>
#include <limits>
#include <numeric>

using Catch::Matchers::Contains;
using dpex_test::expectError;

TEST_CASE("copy_from and to_host round-trip", "[array]") {
  dpex::queue q;
  std::vector<int> host(100);
  std::iota(host.begin(), host.end(), -50);
  dpex::array<int> a(q, host.size());
  REQUIRE(a.size() == 100);
  REQUIRE(a.get_queue() == q);
  a.copy_from(host);
  REQUIRE(a.to_host() == host);

  // Pointer + count and other contiguous containers write a prefix.
  const std::array<int, 3> head{7, 8, 9};
  a.copy_from(head);
  int tail[2] = {-1, -2};
  a.slice(98, 2).copy_from(tail, 2);
  std::vector<int> expected = host;
  expected[0] = 7, expected[1] = 8, expected[2] = 9;
  expected[98] = -1, expected[99] = -2;
  REQUIRE(a.to_host() == expected);

  std::vector<int> into(3);
  a.copy_to(into.data(), 3);
  REQUIRE(into == std::vector<int>{7, 8, 9});
}

TEST_CASE("copies and slices share one allocation", "[array]") {
  dpex::queue q;
  dpex::array<float> a(q, 10);
  a.copy_from(std::vector<float>(10, 0.0f));
  REQUIRE(a.use_count() == 1);

  dpex::array<float> b = a;
  REQUIRE(a.use_count() == 2);
  b.copy_from(std::vector<float>{1, 2, 3});
  REQUIRE(a.to_host()[2] == 3.0f);

  dpex::array<float> middle = a.slice(4, 4);
  REQUIRE(a.use_count() == 3);
  REQUIRE(middle.size() == 4);
  middle.copy_from(std::vector<float>{40, 50, 60, 70});
  // A slice of a slice composes offsets.
  REQUIRE(middle.slice(1, 2).to_host() == std::vector<float>{50, 60});
  REQUIRE(a.to_host() == std::vector<float>{1, 2, 3, 0, 40, 50, 60, 70, 0, 0});

  // The allocation outlives the array it was made through.
  dpex::array<float> survivor = a.slice(0, 3);
  a = dpex::array<float>(q, 1);
  b = a;
  middle = a;
  REQUIRE(survivor.use_count() == 1);
  REQUIRE(survivor.to_host() == std::vector<float>{1, 2, 3});
}

TEST_CASE("kernels see slices at their offset", "[array][kernel]") {
  dpex::queue q;
  dpex::array<float> x(q, 8), y(q, 8);
  x.copy_from(std::vector<float>{1, 2, 3, 4, 5, 6, 7, 8});
  y.copy_from(std::vector<float>(8, 100.0f));
  dpex::call_kernel(dpex_test::saxpy, dpex::range<1>(3), 2.0f, x.slice(5, 3),
                    y.slice(1, 3));
  REQUIRE(y.to_host() ==
          std::vector<float>{100, 112, 114, 116, 100, 100, 100, 100});
}

TEST_CASE("out-of-bounds slices and copies are invalid_argument", "[array]") {
  dpex::queue q;
  dpex::array<int> a(q, 4);
  REQUIRE(expectError([&] { a.slice(3, 2); }).code() ==
          dpex::errc::invalid_argument);
  REQUIRE(expectError([&] { a.slice(5, 0); }).code() ==
          dpex::errc::invalid_argument);
  dpex::error tooMany =
      expectError([&] { a.copy_from(std::vector<int>(5, 1)); });
  REQUIRE(tooMany.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(tooMany.what(), Contains("5 elements"));
  REQUIRE(a.slice(4, 0).size() == 0);
}

TEST_CASE("empty arrays copy nothing", "[array]") {
  dpex::queue q;
  dpex::array<double> empty(q, 0);
  REQUIRE(empty.size() == 0);
  empty.copy_from(std::vector<double>{});
  REQUIRE(empty.to_host().empty());
}

TEST_CASE("huge allocations fail with out_of_memory", "[array]") {
  dpex::queue q;
  dpex::error overflow = expectError([&] {
    dpex::array<double>(q, std::numeric_limits<std::size_t>::max() / 4);
  });
  REQUIRE(overflow.code() == dpex::errc::out_of_memory);

  dpex::error tooBig =
      expectError([&] { dpex::array<float>(q, std::size_t(1) << 42); });
  REQUIRE(tooBig.code() == dpex::errc::out_of_memory);
  REQUIRE_THAT(tooBig.what(), Contains(q.get_device().name()));
}
