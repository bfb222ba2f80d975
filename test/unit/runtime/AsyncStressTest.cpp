// Async launches from many threads over many queues, in dependency chains
// (within a queue and across queues), each with an input array the caller
// drops right after the launch: every result must match a host reference,
// and a launch must hold its arrays exactly until its host event completes.
#include "TestKernels.h"
#include "TestSupport.h"

#include <atomic>
#include <cstdio>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace {

// What the threads found wrong; Catch2's assertions are for the main thread.
class Failures {
public:
  void add(const std::string &what) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (list_.size() < 20)
      list_.push_back(what);
    ++count_;
  }
  std::size_t count() const { return count_; }
  std::string text() const {
    std::string all;
    for (const std::string &f : list_)
      all += f + "\n";
    return all;
  }

private:
  std::mutex mutex_;
  std::vector<std::string> list_;
  std::atomic<std::size_t> count_{0};
};

// A launch that holds `kept` (a copy of the array it got) holds it until
// its host event completes, and no longer: released implies complete, and
// complete implies released.
void checkHeld(const dpex::array<float> &kept, const dpex::event &host,
               Failures &failures, const std::string &where) {
  long users = kept.use_count();
  bool complete = host.is_complete();
  if (users < 2 && !complete)
    failures.add(where + ": array released before its host event completed");
  if (host.is_complete() && kept.use_count() != 1)
    failures.add(where + ": host event complete while the launch holds " +
                 std::to_string(kept.use_count() - 1) + " references");
}

} // namespace

TEST_CASE("async chains from 6 threads over 4 queues with dropped inputs",
          "[stress]") {
  const int threads = 6, numQueues = 4, rounds = 30, chainLength = 20;
  const std::size_t n = 256;
  std::vector<dpex::queue> queues;
  for (int q = 0; q < numQueues; ++q)
    queues.emplace_back(dpex::default_device());

  // Each thread owns one output per queue; `expected` is its host
  // reference, exact in float (small integers and halves).
  std::vector<std::vector<dpex::array<float>>> ys(threads);
  std::vector<std::vector<float>> expected(threads,
                                           std::vector<float>(numQueues));
  for (int t = 0; t < threads; ++t)
    for (int q = 0; q < numQueues; ++q) {
      ys[t].emplace_back(queues[q], n);
      ys[t].back().copy_from(std::vector<float>(n, 0.0f));
    }

  Failures failures;
  std::atomic<long> launches{0};
  auto run = [&](int t) {
    dpex::event previous; // the last launch's, possibly on another queue
    for (int r = 0; r < rounds; ++r) {
      const int qi = (t + r) % numQueues;
      dpex::queue &q = queues[qi];
      std::vector<std::pair<dpex::array<float>, dpex::event>> kept;
      dpex::event host;
      for (int i = 0; i < chainLength; ++i) {
        const float value = static_cast<float>((t * 31 + r * 7 + i) % 13 + 1);
        const float alpha = i % 2 ? 0.5f : 1.0f;
        std::optional<dpex::array<float>> keep;
        {
          dpex::array<float> x(q, n);
          x.copy_from(std::vector<float>(n, value));
          if (i % 4 == 0)
            keep = x;
          // Dependencies alternate between host and device events; the
          // first of a round is the previous round's, on another queue.
          auto [h, d] =
              dpex::call_kernel_async(dpex_test::saxpy, dpex::range<1>(n),
                                      {previous}, alpha, x, ys[t][qi]);
          host = h;
          previous = i % 3 ? d : h;
        } // x dropped: the launch holds it
        expected[t][qi] += alpha * value;
        ++launches;
        if (keep) {
          std::string where = "thread " + std::to_string(t) + " round " +
                              std::to_string(r) + " launch " +
                              std::to_string(i);
          checkHeld(*keep, host, failures, where);
          kept.emplace_back(std::move(*keep), host);
        }
      }
      // Rounds end by waiting in different ways, or not at all (the next
      // round's allocations, copies and submits retire what completed).
      switch (r % 4) {
      case 0:
        host.wait();
        break;
      case 1:
        while (!host.is_complete())
          std::this_thread::yield();
        break;
      case 2:
        q.wait();
        break;
      default:
        continue;
      }
      for (auto &[array, event] : kept)
        if (!event.is_complete() || array.use_count() != 1)
          failures.add("thread " + std::to_string(t) + " round " +
                       std::to_string(r) +
                       ": an earlier launch of the chain still holds its "
                       "array after the last one completed");
    }
  };

  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      try {
        run(t);
      } catch (const std::exception &e) {
        failures.add("thread " + std::to_string(t) + ": " + e.what());
      }
    });
  for (std::thread &t : pool)
    t.join();
  for (dpex::queue &q : queues)
    q.wait();

  INFO(failures.text());
  REQUIRE(failures.count() == 0);
  REQUIRE(launches.load() == threads * rounds * chainLength);
  for (int t = 0; t < threads; ++t)
    for (int q = 0; q < numQueues; ++q) {
      INFO("thread " << t << " queue " << q);
      REQUIRE(ys[t][q].use_count() == 1);
      REQUIRE(ys[t][q].to_host() == std::vector<float>(n, expected[t][q]));
    }
}
