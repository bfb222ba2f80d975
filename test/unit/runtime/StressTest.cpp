// 100 000 async launches in dependency chains from 8 threads: every launch
// must run exactly once, and the runtime's per-launch bookkeeping (host
// events, completion records, retained arrays) must be released, so resident
// memory stays flat however many launches a process makes.
#include "TestKernels.h"
#include "TestSupport.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>

namespace {

// A /proc/self/status field in KiB, e.g. "VmRSS" or "VmHWM".
long statusKiB(const std::string &field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.compare(0, field.size() + 1, field + ":") == 0)
      return std::stol(line.substr(field.size() + 1));
  FAIL("no " << field << " in /proc/self/status");
  return 0;
}

// ASan's quarantine and TSan's shadow memory grow with allocations however
// promptly they are freed, so resident memory only measures the runtime in an
// uninstrumented build. (ASan builds find leaks with LeakSanitizer instead.)
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
constexpr bool MeasuresMemory = false;
#else
constexpr bool MeasuresMemory = true;
#endif

} // namespace

TEST_CASE("100000 async launches in dependency chains from 8 threads",
          "[stress]") {
  const int threads = 8, chainsPerThread = 125, chainLength = 100;
  const std::size_t n = 64;
  // Resident memory may grow by this much over the whole run: allocator
  // slack and PoCL's per-queue pools, not per-launch growth (a leak of even
  // 200 bytes per launch would exceed it).
  const long boundKiB = 20 * 1024;

  // One queue and array per thread; each chain of launches is ordered by
  // explicit dependencies on top of the in-order queue.
  std::vector<dpex::queue> queues(threads);
  std::vector<dpex::array<float>> ys;
  for (int t = 0; t < threads; ++t) {
    ys.emplace_back(queues[t], n);
    ys.back().copy_from(std::vector<float>(n, 0.0f));
  }

  auto runChains = [&](int t, int chains) {
    dpex::event last;
    for (int c = 0; c < chains; ++c) {
      for (int i = 0; i < chainLength; ++i)
        last = dpex::call_kernel_async(dpex_test::affine, dpex::range<1>(n),
                                       {last}, 1.0f, 1.0f, ys[t])
                   .first;
      // Bounds the work in flight per thread to one chain.
      last.wait();
    }
  };

  // Warm-up: builds the kernel and lets the backend and the queues' launch
  // records reach their steady state before the baseline is taken.
  for (int t = 0; t < threads; ++t)
    runChains(t, 1);
  const long rssBefore = statusKiB("VmRSS");

  auto start = std::chrono::steady_clock::now();
  std::atomic<int> failures{0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        runChains(t, chainsPerThread);
      } catch (const std::exception &e) {
        std::fprintf(stderr, "stress thread %d: %s\n", t, e.what());
        ++failures;
      }
    });
  for (std::thread &t : pool)
    t.join();
  for (dpex::queue &q : queues)
    q.wait();
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  const long rssAfter = statusKiB("VmRSS");
  const int launches = threads * chainsPerThread * chainLength;
  std::printf("stress: %d launches in %.2f s (%.0f launches/s); VmRSS "
              "%ld KiB before, %ld KiB after (%+ld KiB); VmHWM %ld KiB\n",
              launches, seconds, launches / seconds, rssBefore, rssAfter,
              rssAfter - rssBefore, statusKiB("VmHWM"));

  REQUIRE(failures == 0);
  // affine(1, 1) adds 1 per launch: the warm-up chain plus all the others.
  const float expected =
      static_cast<float>((chainsPerThread + 1) * chainLength);
  for (int t = 0; t < threads; ++t)
    REQUIRE(ys[t].to_host() == std::vector<float>(n, expected));
  if (MeasuresMemory)
    REQUIRE(rssAfter - rssBefore < boundKiB);
}
