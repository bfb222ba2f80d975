// Argument passing: conversions, bool, structs by value, and errors that
// name the kernel and the argument.
#include "TestKernels.h"
#include "TestSupport.h"

#include <cstdint>

using Catch::Matchers::Contains;
using dpex_test::expectError;

TEST_CASE("structs pass by value and bools as one byte", "[argument]") {
  dpex::queue q;
  dpex::array<int> in(q, 5);
  dpex::array<float> out(q, 5);
  const std::vector<int> values{0, 1, 2, -3, 40};
  in.copy_from(values);
  const dpex_test::params p{1.5f, -2};
  for (bool negate : {false, true}) {
    dpex::call_kernel(dpex_test::apply, dpex::range<1>(5), p, negate, in, out);
    std::vector<float> expected;
    for (int v : values)
      expected.push_back((negate ? -1.0f : 1.0f) * (p.scale * v + p.offset));
    REQUIRE(out.to_host() == expected);
  }
}

TEST_CASE("each launch passes its own values, repeated or changed",
          "[argument]") {
  // A kernel's arguments stay set on it between launches: values that
  // repeat, change and come back must each reach their own launch.
  dpex::queue q;
  dpex::array<int> out(q, 4);
  for (int value : {7, 7, -1, 7, 0, 0, 5}) {
    dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), value, out);
    REQUIRE(out.to_host() == std::vector<int>(4, value));
  }
  // Async launches, none waited for before the next: each is enqueued
  // with the values it was called with.
  const std::vector<int> values{3, 3, 9, 3, -2, -2};
  std::vector<dpex::array<int>> outs;
  for (std::size_t i = 0; i < values.size(); ++i)
    outs.emplace_back(q, 4);
  for (std::size_t i = 0; i < values.size(); ++i)
    dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(4), {}, values[i],
                            outs[i]);
  q.wait();
  for (std::size_t i = 0; i < values.size(); ++i)
    REQUIRE(outs[i].to_host() == std::vector<int>(4, values[i]));
  // Structs by value, alternating.
  dpex::array<int> in(q, 2);
  dpex::array<float> applied(q, 2);
  in.copy_from(std::vector<int>{1, 2});
  const dpex_test::params a{2.0f, 1}, b{-1.0f, 0};
  for (const dpex_test::params &p : {a, a, b, a}) {
    dpex::call_kernel(dpex_test::apply, dpex::range<1>(2), p, false, in,
                      applied);
    REQUIRE(applied.to_host() ==
            std::vector<float>{p.scale * 1 + p.offset, p.scale * 2 + p.offset});
  }
}

TEST_CASE("scalars convert to the declared parameter type", "[argument]") {
  dpex::queue q;
  dpex::array<double> out(q, 1);
  // Conversions that keep every value: int -> int64, short -> int16 (as it
  // is), float -> double. Those that change what a value is do not compile
  // (compile_fail/).
  dpex::call_kernel(dpex_test::mixed, dpex::range<1>(1), 3, short{4}, 0.5f,
                    out);
  REQUIRE(out.to_host() == std::vector<double>{7.5});
  // Integers that the parameter's integer type holds: uint64 -> int64,
  // int -> int16; int -> double holds every int exactly.
  dpex::call_kernel(dpex_test::mixed, dpex::range<1>(1), std::uint64_t{3}, -4,
                    2, out);
  REQUIRE(out.to_host() == std::vector<double>{1.0});

  dpex::array<float> x(q, 2), y(q, 2);
  x.copy_from(std::vector<float>{1, 2});
  y.copy_from(std::vector<float>{0, 0});
  dpex::call_kernel(dpex_test::saxpy, dpex::range<1>(2), 3.0f, x, y);
  REQUIRE(y.to_host() == std::vector<float>{3, 6});
}

TEST_CASE("an integer its parameter's type does not hold is rejected",
          "[argument][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  dpex::array<double> sums(q, 1);
  out.copy_from(std::vector<int>{1, 2, 3, 4});
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 2147483648u, out);
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::fill)"));
  REQUIRE_THAT(e.what(),
               Contains("argument 1 'value' (int): the value 2147483648 is "
                        "outside the parameter type's range [-2147483648, "
                        "2147483647]"));
  e = expectError([&] {
    dpex::call_kernel_async(q, dpex_test::mixed, dpex::range<1>(1), {}, 0,
                            40000, 0.0, sums);
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("call_kernel_async(dpex_test::mixed)"));
  REQUIRE_THAT(e.what(), Contains("argument 2 'b' (std::int16_t): the value "
                                  "40000 is outside the parameter type's "
                                  "range [-32768, 32767]"));
  // Rejected before the queue is inferred: this launch has none.
  e = expectError([&] {
    dpex::call_kernel(dpex_test::scalar_only, dpex::range<1>(1),
                      -(std::int64_t{1} << 40));
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("the value -1099511627776"));
  q.wait();
  REQUIRE(out.to_host() == std::vector<int>{1, 2, 3, 4});
  // In range, the same conversion passes the value.
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 2147483647u, out);
  REQUIRE(out.to_host() == std::vector<int>(4, 2147483647));
}

TEST_CASE("backend argument errors name the kernel, argument and code",
          "[argument][error]") {
  // The stub and its handle agree on an 8-byte value; the device kernel
  // takes an int, which only the driver knows.
  dpex::queue q;
  dpex::array<int> out(q, 1);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::wide_fill, dpex::range<1>(1), 1L, out);
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::wide_fill)"));
  REQUIRE_THAT(e.what(), Contains("argument 1 'value' (long)"));
  REQUIRE_THAT(e.what(), Contains("CL_INVALID_ARG_SIZE (-51)"));
}

TEST_CASE("local memory of zero elements is rejected before the driver",
          "[argument][error]") {
  dpex::queue q;
  dpex::array<float> in(q, 8), out(q, 2);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::tile_sum, dpex::nd_range<1>({8}, {4}), in, out,
                      dpex::local_memory<float>(0));
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("call_kernel(dpex_test::tile_sum)"));
  REQUIRE_THAT(e.what(),
               Contains("argument 3 'tile' (dpex::local_accessor<float>): "
                        "local memory of 0 elements"));
}

TEST_CASE("a stub whose descriptor disagrees with its handle is caught",
          "[argument][error]") {
  dpex::queue q;
  dpex::array<int> out(q, 1);
  dpex::error e = expectError([&] {
    dpex::call_kernel(dpex_test::mismatched_fill, dpex::range<1>(1), 1.0, out);
  });
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("dpex_test::mismatched_fill"));
  REQUIRE_THAT(e.what(), Contains("argument 1 'value' (int)"));
  REQUIRE_THAT(e.what(), Contains("8 bytes"));
}
