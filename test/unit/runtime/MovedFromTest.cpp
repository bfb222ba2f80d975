// Moved-from arrays, queues and events: empty, and an error to use, never a
// crash.
#include "TestKernels.h"
#include "TestSupport.h"

#include <utility>

using Catch::Matchers::Contains;
using dpex_test::expectError;

namespace {

// `f` throws invalid_argument saying "moved-from <what>".
template <typename F> void requireMovedFrom(F &&f, const std::string &what) {
  dpex::error e = expectError(std::forward<F>(f));
  REQUIRE(e.code() == dpex::errc::invalid_argument);
  REQUIRE_THAT(e.what(), Contains("moved-from " + what));
}

} // namespace

TEST_CASE("a moved-from array is empty and an error to use", "[array][moved]") {
  dpex::queue q;
  dpex::array<int> a(q, 4);
  a.copy_from(std::vector<int>{1, 2, 3, 4});
  dpex::array<int> b = std::move(a);
  REQUIRE(a.size() == 0);
  REQUIRE(a.use_count() == 0);
  REQUIRE(b.size() == 4);
  REQUIRE(b.to_host() == std::vector<int>{1, 2, 3, 4});

  requireMovedFrom([&] { a.copy_from(std::vector<int>(4, 1)); }, "array");
  requireMovedFrom([&] { a.copy_from(std::vector<int>()); }, "array");
  requireMovedFrom([&] { a.to_host(); }, "array");
  requireMovedFrom([&] { a.get_queue(); }, "array");
  requireMovedFrom([&] { a.slice(0, 0); }, "array");
  requireMovedFrom([&] { a.copy_to(b); }, "array");
  requireMovedFrom([&] { b.copy_to(a); }, "array");
  for (bool async : {false, true}) {
    dpex::error e = expectError([&] {
      if (async)
        dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(4), {}, 7, a);
      else
        dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 7, a);
    });
    REQUIRE(e.code() == dpex::errc::invalid_argument);
    REQUIRE_THAT(e.what(), Contains("argument 2 'out'"));
    REQUIRE_THAT(e.what(), Contains("is a moved-from array"));
  }

  // Assigning makes it usable again; move assignment empties the source.
  a = b;
  REQUIRE(a.size() == 4);
  dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 7, a);
  REQUIRE(b.to_host() == std::vector<int>(4, 7));
  dpex::array<int> c(q, 1);
  c = std::move(b);
  REQUIRE(b.size() == 0);
  REQUIRE(c.size() == 4);
  requireMovedFrom([&] { b.to_host(); }, "array");
}

TEST_CASE("a moved-from queue is an error to use", "[queue][moved]") {
  dpex::queue q;
  dpex::queue other = std::move(q);
  requireMovedFrom([&] { q.wait(); }, "queue");
  requireMovedFrom([&] { q.get_device(); }, "queue");
  requireMovedFrom([&] { q.profiling_enabled(); }, "queue");
  requireMovedFrom([&] { dpex::array<int> a(q, 4); }, "queue");
  requireMovedFrom(
      [&] {
        dpex::call_kernel(q, dpex_test::scalar_only, dpex::range<1>(4), 1);
      },
      "queue");
  dpex::array<int> a(other, 4);
  requireMovedFrom(
      [&] { dpex::call_kernel(q, dpex_test::fill, dpex::range<1>(4), 7, a); },
      "queue");
  // The queue it moved to works.
  dpex::call_kernel(other, dpex_test::fill, dpex::range<1>(4), 7, a);
  REQUIRE(a.to_host() == std::vector<int>(4, 7));
}

TEST_CASE("a moved-from event is a complete one", "[event][moved]") {
  dpex::queue q;
  dpex::array<int> a(q, 4);
  auto [host, device] =
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(4), {}, 3, a);
  dpex::event kept = std::move(host);
  REQUIRE(host == dpex::event());
  REQUIRE(host.is_complete());
  host.wait();
  // As a dependency it orders nothing.
  dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(4), {host, kept}, 3,
                          a)
      .first.wait();
  REQUIRE(a.to_host() == std::vector<int>(4, 3));
}
