// Events: dependency chains, completion, profiling, queue::wait.
#include "TestKernels.h"
#include "TestSupport.h"

using Catch::Matchers::Contains;

TEST_CASE("a chain of three dependent async launches runs in order",
          "[event]") {
  dpex::queue q(dpex::default_device(), dpex::enable_profiling);
  REQUIRE(q.profiling_enabled());
  const std::size_t n = 256;
  dpex::array<float> y(q, n);
  y.copy_from(std::vector<float>(n, 1.0f));

  // y -> 2y+1 -> 3y -> y-4: 1 -> 3 -> 9 -> 5; any other order differs.
  auto [h1, d1] = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                          {}, 2.0f, 1.0f, y);
  auto [h2, d2] = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                          {d1}, 3.0f, 0.0f, y);
  // A host event is a valid dependency too.
  auto [h3, d3] = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                          {h2}, 1.0f, -4.0f, y);
  dpex::wait_all({h1, h2, h3});
  for (const dpex::event &e : {h1, d1, h2, d2, h3, d3})
    REQUIRE(e.is_complete());
  REQUIRE(y.to_host() == std::vector<float>(n, 5.0f));

  // Device timestamps: each launch is ordered, and ran after the previous.
  dpex::profiling_info p1 = d1.profiling(), p2 = d2.profiling(),
                       p3 = d3.profiling();
  for (const dpex::profiling_info &p : {p1, p2, p3}) {
    REQUIRE(p.queued <= p.start);
    REQUIRE(p.start <= p.end);
  }
  REQUIRE(p1.end <= p2.start);
  REQUIRE(p2.end <= p3.start);

  // Host timestamps: submitted, device done, arguments released.
  dpex::profiling_info host = h3.profiling();
  REQUIRE(host.queued <= host.start);
  REQUIRE(host.start <= host.end);
  REQUIRE(host.end > 0);
}

TEST_CASE("profiling needs a queue made with enable_profiling",
          "[event][profiling]") {
  dpex::queue q;
  REQUIRE_FALSE(q.profiling_enabled());
  dpex::array<int> out(q, 16);
  auto [host, device] =
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(16), {}, 3, out);
  for (const dpex::event &e : {host, device}) {
    dpex::error error = dpex_test::expectError([&] { e.profiling(); });
    REQUIRE(error.code() == dpex::errc::invalid_argument);
    REQUIRE_THAT(error.what(), Contains("dpex::enable_profiling"));
  }
  // The events themselves work as on any queue.
  dpex::wait_all({host, device});
  REQUIRE(out.to_host() == std::vector<int>(16, 3));
}

TEST_CASE("default events are complete", "[event]") {
  dpex::event e;
  REQUIRE(e.is_complete());
  e.wait();
  dpex::profiling_info p = e.profiling();
  REQUIRE(p.queued == 0);
  REQUIRE(p.end == 0);
  dpex::wait_all({});
  dpex::wait_all({e, dpex::event()});
  REQUIRE(e == dpex::event());
}

TEST_CASE("queue::wait completes every launch and its host event",
          "[event][queue]") {
  dpex::queue q;
  dpex::array<float> y(q, 64);
  y.copy_from(std::vector<float>(64, 0.0f));
  std::vector<dpex::event> hosts;
  for (int i = 0; i < 20; ++i)
    hosts.push_back(dpex::call_kernel_async(dpex_test::affine,
                                            dpex::range<1>(64), {}, 1.0f, 1.0f,
                                            y)
                        .first);
  q.wait();
  for (const dpex::event &e : hosts)
    REQUIRE(e.is_complete());
  REQUIRE(y.use_count() == 1);
  REQUIRE(y.to_host() == std::vector<float>(64, 20.0f));
}
