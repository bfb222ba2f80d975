// dpex::graph on the device under test: a recorded chain of copies and
// launches replayed several times, back to back and after work of another
// queue, checked against the host and against the same chain launched
// call by call; the arrays a graph uses live as long as it; what a
// recording refuses.
#include "TestKernels.h"
#include "TestSupport.h"

#include <optional>

using Catch::Matchers::Contains;
using dpex_test::expectError;

namespace {

std::vector<float> ramp(std::size_t n, float first) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = first + static_cast<float>(i % 101) * 0.25f;
  return v;
}

// One step of the chain, on the host: saxpy(2, x, y), then affine(0.5, 1).
void step(const std::vector<float> &x, std::vector<float> &y) {
  for (std::size_t i = 0; i < y.size(); ++i) {
    float s = 2.0f * x[i] + y[i];
    y[i] = 0.5f * s + 1.0f;
  }
}

} // namespace

TEST_CASE("a recorded chain replays like the calls it recorded", "[graph]") {
  dpex::queue q;
  // Not a multiple of any work-group size: where the image has no range
  // guard, each launch is recorded as a bulk and a tail.
  const std::size_t n = 4001;
  const std::vector<float> x = ramp(n, 1.0f), y0 = ramp(n, -2.0f);
  dpex::array<float> ax(q, n), ay(q, n), az(q, n);
  ay.copy_from(y0);
  std::vector<float> out(n, -1.0f);

  dpex::graph g(q);
  g.record([&] {
    auto in = ax.copy_from_async(x);
    auto k1 = dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n),
                                      {in.second}, 2.0f, ax, ay);
    auto k2 = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                      {k1.second}, 0.5f, 1.0f, ay);
    auto moved = ay.copy_to_async(az, {k2.second});
    az.to_host_async(out, {moved.second});
  });
  CHECK(g.size() >= 5);
  // Nothing ran while recording.
  CHECK(ay.to_host() == y0);
  CHECK(out == std::vector<float>(n, -1.0f));

  // The same calls, launched one by one, on arrays of their own.
  dpex::array<float> px(q, n), py(q, n), pz(q, n);
  py.copy_from(y0);
  std::vector<float> plain(n);
  std::vector<float> expected = y0;
  const int rounds = 3;
  for (int r = 0; r < rounds; ++r) {
    auto [host, device] = g.replay();
    host.wait();
    CHECK(device.is_complete());
    auto in = px.copy_from_async(x);
    auto k1 = dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n),
                                      {in.second}, 2.0f, px, py);
    auto k2 = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                      {k1.second}, 0.5f, 1.0f, py);
    auto moved = py.copy_to_async(pz, {k2.second});
    pz.to_host_async(plain, {moved.second}).first.wait();
    step(x, expected);
    INFO("replay " << r);
    CHECK(out == plain);
    CHECK(out == expected);
  }
}

TEST_CASE("back-to-back replays each see the previous one", "[graph]") {
  dpex::queue q;
  const std::size_t n = 1024;
  dpex::array<float> ay(q, n);
  ay.copy_from(std::vector<float>(n, 0.0f));
  float scale = 1.0f;
  dpex::graph g(q);
  g.record([&] {
    dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n), {}, scale,
                            1.0f, ay);
  });
  // Arguments are bound at record time.
  scale = 100.0f;
  std::vector<dpex::event> hosts;
  const int rounds = 50;
  for (int r = 0; r < rounds; ++r)
    hosts.push_back(g.replay().first);
  hosts.back().wait();
  for (const dpex::event &e : hosts)
    CHECK(e.is_complete());
  CHECK(ay.to_host() == std::vector<float>(n, static_cast<float>(rounds)));
}

TEST_CASE("a replayed chain runs whole, between launches made around it",
          "[graph]") {
  dpex::queue q, other(q.get_device());
  const std::size_t n = 512;
  const int chain = 24;
  dpex::array<float> ay(q, n);
  dpex::array<int> slow(other, n);
  ay.copy_from(std::vector<float>(n, 0.0f));
  dpex::graph g(q);
  g.record([&] {
    dpex::event last;
    for (int i = 0; i < chain; ++i)
      last = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                     {last}, 1.0f, 1.0f, ay)
                 .second;
  });
  CHECK(g.size() >= static_cast<std::size_t>(chain));
  float expected = 0.0f;
  dpex::event replayed;
  for (int r = 0; r < 6; ++r) {
    INFO("round " << r);
    // Every other replay waits for a slow kernel of another queue.
    std::vector<dpex::event> deps;
    if (r % 2)
      deps.push_back(dpex::call_kernel_async(dpex_test::spin, dpex::range<1>(n),
                                             {}, std::int64_t{20000}, slow)
                         .second);
    replayed = g.replay(deps).first;
    expected += static_cast<float>(chain);
    // Enqueued right behind the replay's launches, on the same queue.
    dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n), {}, 2.0f,
                            0.0f, ay);
    expected *= 2.0f;
  }
  replayed.wait();
  CHECK(replayed.is_complete());
  CHECK(ay.to_host() == std::vector<float>(n, expected));
}

TEST_CASE("a replay follows its dependencies on other queues", "[graph]") {
  dpex::queue q, other(q.get_device());
  const std::size_t n = 4096;
  std::vector<int> staged(n, 0), out(n, -1);
  dpex::array<int> a(q, n), slow(other, n);
  dpex::graph g(q);
  g.record([&] {
    auto in = a.copy_from_async(staged);
    a.to_host_async(out, {in.second});
  });
  for (int value : {1, 2}) {
    INFO("round " << value);
    // A slow kernel on the other queue writes what the graph reads.
    auto spun = dpex::call_kernel_async(dpex_test::spin, dpex::range<1>(n), {},
                                        std::int64_t{100000}, slow);
    auto filled = dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n),
                                          {spun.second}, value, slow);
    auto read = slow.to_host_async(staged, {filled.second});
    auto [host, device] = g.replay({read.second});
    host.wait();
    CHECK(read.first.is_complete());
    CHECK(out == std::vector<int>(n, value));
  }
}

TEST_CASE("a graph keeps its arrays alive", "[graph]") {
  dpex::queue q;
  const std::size_t n = 2048;
  std::vector<int> out(n, -1);
  dpex::array<int> watched(q, n);
  std::optional<dpex::graph> g;
  {
    dpex::array<int> local(q, n);
    dpex::array<int> alias = watched;
    g.emplace(q);
    g->record([&] {
      auto f = dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {},
                                       7, local);
      auto c = local.copy_to_async(alias, {f.second});
      alias.to_host_async(out, {c.second});
    });
  }
  // The caller dropped `local` and `alias`; the graph holds both.
  CHECK(watched.use_count() >= 2);
  auto [host, device] = g->replay();
  g.reset(); // dropped while its replay may still run
  host.wait();
  CHECK(out == std::vector<int>(n, 7));
  CHECK(watched.use_count() == 1);
}

TEST_CASE("what a recording refuses", "[graph]") {
  dpex::queue q, other(q.get_device());
  const std::size_t n = 256;
  dpex::array<int> a(q, n), b(other, n);
  std::vector<int> host(n);

  SECTION("a launch on another queue") {
    dpex::graph g(q);
    dpex::error e = expectError([&] {
      g.record([&] {
        dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {}, 1, b);
      });
    });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("call_kernel_async(") &&
                             Contains("on another queue than the graph's"));
    // The graph can be recorded after the failed recording.
    g.record([&] {
      dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {}, 3, a);
    });
    g.replay().first.wait();
    CHECK(a.to_host() == std::vector<int>(n, 3));
  }
  SECTION("a copy to another queue's array") {
    dpex::graph g(q);
    dpex::error e = expectError([&] { g.record([&] { a.copy_to_async(b); }); });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("copy_to_async") &&
                             Contains("on another queue than the graph's"));
  }
  SECTION("a dependency on work outside the recording") {
    auto done =
        dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {}, 1, a);
    dpex::graph g(q);
    dpex::error e = expectError([&] {
      g.record([&] {
        dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n),
                                {done.second}, 2, a);
      });
    });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("pass dependencies on other work to "
                                  "graph::replay()"));
  }
  SECTION("call_kernel, which runs at once") {
    dpex::graph g(q);
    dpex::error e = expectError([&] {
      g.record(
          [&] { dpex::call_kernel(dpex_test::fill, dpex::range<1>(n), 1, a); });
    });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("use call_kernel_async"));
  }
  SECTION("waiting for a placeholder, inside or after the recording") {
    dpex::graph g(q);
    std::pair<dpex::event, dpex::event> recorded;
    g.record([&] {
      recorded =
          dpex::call_kernel_async(dpex_test::fill, dpex::range<1>(n), {}, 1, a);
      dpex::error e = expectError([&] { recorded.first.wait(); });
      CHECK(e.code() == dpex::errc::invalid_argument);
      CHECK_THAT(e.what(), Contains("placeholder"));
    });
    CHECK_THROWS_AS(recorded.second.wait(), dpex::error);
    CHECK_THROWS_AS(recorded.second.is_complete(), dpex::error);
    dpex::error e = expectError([&] { g.replay({recorded.second}); });
    CHECK_THAT(e.what(), Contains("placeholder"));
  }
  SECTION("a second recording") {
    dpex::graph g(q);
    g.record([] {});
    dpex::error e = expectError([&] { g.record([] {}); });
    CHECK_THAT(e.what(), Contains("already recorded"));
    // An empty graph replays as nothing.
    auto [h, d] = g.replay();
    CHECK(h.is_complete());
  }
}
