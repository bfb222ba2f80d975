// Many threads launching on one queue.
#include "TestKernels.h"
#include "TestSupport.h"

#include <atomic>
#include <thread>

TEST_CASE("eight threads launch concurrently on one queue", "[thread]") {
  dpex::queue q;
  const int threads = 8, launches = 40;
  const std::size_t n = 256;
  std::vector<dpex::array<float>> ys;
  for (int t = 0; t < threads; ++t) {
    ys.emplace_back(q, n);
    ys.back().copy_from(std::vector<float>(n, static_cast<float>(t)));
  }

  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        dpex::event last;
        for (int i = 0; i < launches; ++i) {
          // Alternate sync and async launches; each adds 1.
          if (i % 2)
            dpex::call_kernel(dpex_test::affine, dpex::range<1>(n), 1.0f, 1.0f,
                              ys[t]);
          else
            last = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                           {last}, 1.0f, 1.0f, ys[t])
                       .first;
        }
        last.wait();
      } catch (const std::exception &) {
        ++failures;
      }
    });
  for (std::thread &t : pool)
    t.join();
  REQUIRE(failures == 0);
  for (int t = 0; t < threads; ++t)
    REQUIRE(ys[t].to_host() ==
            std::vector<float>(n, static_cast<float>(t + launches)));
}

namespace {

// Launches from its destructor, which runs at thread exit after the
// runtime's own per-thread state of a later first launch is gone.
struct LaunchAtThreadExit {
  dpex::array<int> *out = nullptr;
  ~LaunchAtThreadExit() {
    if (out)
      dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 9, *out);
  }
};

} // namespace

TEST_CASE("a thread launches again from a thread_local destructor",
          "[thread]") {
  dpex::queue q;
  dpex::array<int> out(q, 4);
  std::vector<int> first;
  std::thread([&] {
    // Constructed before the thread's first launch, so destroyed after
    // what that launch set up for the thread.
    thread_local LaunchAtThreadExit atExit;
    atExit.out = &out;
    dpex::call_kernel(dpex_test::fill, dpex::range<1>(4), 1, out);
    first = out.to_host();
  }).join();
  REQUIRE(first == std::vector<int>(4, 1));
  REQUIRE(out.to_host() == std::vector<int>(4, 9));
}
