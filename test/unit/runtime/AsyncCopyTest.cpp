// array::copy_from_async, to_host_async and copy_to_async on the device
// under test: chains of copies and launches ordered by their events,
// checked against the host; the arrays a copy uses live until its host
// event; sizes and overlaps are refused before anything is enqueued.
#include "TestKernels.h"
#include "TestSupport.h"

#include <thread>
#include <tuple>

using Catch::Matchers::Contains;
using dpex_test::expectError;

namespace {

std::vector<float> ramp(std::size_t n, float first) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = first + static_cast<float>(i % 997);
  return v;
}

} // namespace

TEST_CASE("async copy in, a launch after it, async copy out", "[copies]") {
  dpex::queue q;
  const bool otherQueue = GENERATE(false, true);
  INFO((otherQueue ? "launch on another queue" : "one queue"));
  dpex::queue launchQueue = otherQueue ? dpex::queue(q.get_device()) : q;
  const std::size_t n = 100003;
  const std::vector<float> x = ramp(n, 1.0f), y = ramp(n, -3.0f);
  dpex::array<float> ax(launchQueue, n), ay(q, n), ay2(launchQueue, n);
  std::vector<float> out(n);

  auto inX = ax.copy_from_async(x);
  auto inY = ay.copy_from_async(y.data(), n);
  auto moved = ay.copy_to_async(ay2, {inY.second});
  auto launched =
      dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n),
                              {inX.second, moved.second}, 2.0f, ax, ay2);
  auto back = ay2.to_host_async(out, {launched.second});
  std::vector<float> expected(n);
  for (std::size_t i = 0; i < n; ++i)
    expected[i] = 2.0f * x[i] + y[i];
  back.first.wait();
  CHECK(out == expected);
  // Each host event completes after its device event.
  for (const auto &events : {inX, inY, moved, back}) {
    CHECK(events.second.is_complete());
    CHECK(events.first.is_complete());
  }
  CHECK(ax.use_count() == 1);
  CHECK(ay2.use_count() == 1);
}

TEST_CASE("async copies follow earlier work on the array's queue", "[copies]") {
  dpex::queue q;
  const std::size_t n = 4096;
  dpex::array<int> a(q, n);
  std::vector<int> out(n, -1);
  // A slow kernel, then a copy with no events between them: in order.
  dpex::call_kernel_async(dpex_test::spin, dpex::range<1>(n), {},
                          std::int64_t{200000}, a);
  auto copied = a.to_host_async(out.data(), n);
  copied.first.wait();
  CHECK(out == std::vector<int>(n, 1));
  // copy_to_async waits for the work already on the source's queue, also
  // from another queue.
  dpex::queue other(q.get_device());
  dpex::array<int> b(other, n);
  dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {}, 9, a);
  auto to = a.copy_to_async(b);
  std::vector<int> fromB(n);
  b.to_host_async(fromB, {to.second}).first.wait();
  CHECK(fromB == std::vector<int>(n, 9));
}

TEST_CASE("arrays a copy uses live until its host event", "[copies]") {
  dpex::queue q;
  const std::size_t n = 1 << 16;
  std::vector<int> out(n);
  dpex::array<int> watcher(q, 1);
  dpex::event host;
  long during = 0;
  {
    dpex::array<int> a(q, n);
    dpex::call_kernel_async(dpex_test::spin, dpex::range<1>(n), {},
                            std::int64_t{20000}, a);
    dpex::array<int> view = a;
    host = a.to_host_async(out).first;
    during = view.use_count(); // a, view, the launch and the copy at most
    // `a` and `view` go out of scope here, likely while the copy waits.
  }
  CHECK(during >= 2);
  host.wait();
  CHECK(out == std::vector<int>(n, 1));

  // A destination dropped by the caller right after copy_to_async.
  dpex::array<int> src(q, n);
  src.copy_from(std::vector<int>(n, 4));
  dpex::array<int> keep(q, n);
  {
    dpex::array<int> dst = keep;
    host = src.copy_to_async(dst).first;
  }
  host.wait();
  CHECK(keep.use_count() == 1);
  CHECK(src.use_count() == 1);
  CHECK(keep.to_host() == std::vector<int>(n, 4));
}

TEST_CASE("async copies of nothing and of slices", "[copies]") {
  dpex::queue q;
  dpex::array<int> a(q, 100);
  a.copy_from(std::vector<int>(100, 1));
  std::vector<int> none;
  auto empty = a.copy_from_async(none);
  CHECK(empty.first.is_complete());
  CHECK(empty.second.is_complete());
  // With a dependency, a copy of nothing completes after it.
  auto launched =
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(100), {}, 5, a);
  auto after = a.copy_from_async(none, {launched.second});
  after.first.wait();
  CHECK(launched.second.is_complete());
  // Into and out of slices, at their offsets.
  std::vector<int> seven(10, 7), tail(10);
  a.slice(90, 10).copy_from_async(seven).first.wait();
  a.slice(85, 10).to_host_async(tail).first.wait();
  CHECK(tail == std::vector<int>({5, 5, 5, 5, 5, 7, 7, 7, 7, 7}));
  a.slice(0, 10).copy_to_async(a.slice(50, 10)).first.wait();
  CHECK(a.to_host()[55] == 5);
}

TEST_CASE("async copies report sizes and overlaps before enqueueing",
          "[copies]") {
  dpex::queue q;
  dpex::array<float> a(q, 8), b(q, 9);
  std::vector<float> host(10);
  dpex::error e = expectError([&] { a.copy_from_async(host); });
  CHECK(e.code() == dpex::errc::invalid_argument);
  CHECK_THAT(e.what(), Contains("copy_from_async") && Contains("10 elements") &&
                           Contains("array of 8"));
  e = expectError([&] { a.to_host_async(host.data(), 9); });
  CHECK(e.code() == dpex::errc::invalid_argument);
  CHECK_THAT(e.what(), Contains("to_host_async") && Contains("9 elements") &&
                           Contains("array of 8"));
  e = expectError([&] { a.copy_to_async(b); });
  CHECK(e.code() == dpex::errc::invalid_argument);
  CHECK_THAT(e.what(), Contains("the source has 8 elements") &&
                           Contains("the destination 9"));
  e = expectError([&] { b.slice(0, 4).copy_to_async(b.slice(3, 4)); });
  CHECK(e.code() == dpex::errc::invalid_argument);
  CHECK_THAT(e.what(), Contains("copy_to_async") && Contains("overlap"));
  dpex::array<float> moved = std::move(a);
  e = expectError([&] { a.copy_from_async(host.data(), 1); });
  CHECK_THAT(e.what(), Contains("moved-from array"));
}

TEST_CASE("async copies on a profiling queue are timed", "[copies]") {
  dpex::queue q(dpex::default_device(), dpex::enable_profiling);
  const std::size_t n = 1 << 20;
  std::vector<float> x = ramp(n, 0.0f);
  dpex::array<float> a(q, n);
  auto [host, device] = a.copy_from_async(x);
  dpex::profiling_info times = device.profiling();
  CHECK(times.queued <= times.start);
  CHECK(times.start <= times.end);
  dpex::profiling_info hostTimes = host.profiling();
  CHECK(hostTimes.start <= hostTimes.end);
  CHECK(a.to_host() == x);
}

TEST_CASE("threads chaining async copies and launches on one queue",
          "[copies]") {
  dpex::queue q;
  constexpr int Threads = 4, Rounds = 40;
  constexpr std::size_t n = 1000;
  std::vector<int> wrong(Threads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < Threads; ++t)
    threads.emplace_back([&, t] {
      for (int r = 0; r < Rounds; ++r) {
        std::vector<float> in = ramp(n, static_cast<float>(t * 1000 + r)),
                           out(n);
        dpex::event done;
        {
          // Arrays the thread drops at once: the copies and the launch hold
          // them.
          dpex::array<float> x(q, n), y(q, n);
          auto inX = x.copy_from_async(in);
          auto inY = y.copy_from_async(in);
          auto launched =
              dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n),
                                      {inX.second, inY.second}, 1.0f, x, y);
          done = y.to_host_async(out, {launched.second}).first;
          // `in` is read until inX's and inY's host events: before it goes.
          inX.first.wait();
          inY.first.wait();
        }
        done.wait();
        for (std::size_t i = 0; i < n; ++i)
          wrong[t] += out[i] != 2.0f * in[i];
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  CHECK(wrong == std::vector<int>(Threads, 0));
}
