// Where dpex's CUDA launch time goes: the raw driver loop of dpex_bench's
// dispatch baseline, with dpex's driver calls added one at a time, next to
// dpex's own call_kernel / call_kernel_async, all in one process and one run.
// The thread has the primary context current (RawCuda makes it so), which
// dpex's context scope then leaves as it is, so no variant pushes contexts.
//
//   DPEX_DEVICE=cuda:0 dpex_cuda_dispatch_breakdown PTX [ROUNDS]
//
// PTX is bench/cuda/bench_kernels.cu built by nvcc -ptx (its `empty` kernel).
// Prints the median cost per launch of each variant and its ratio to the
// first one of its kind. A diagnostic for bench/notes.md, not a target.
#include "bench_kernels.dpex.hpp"
#include "raw_cuda.hpp"
#include "stats.hpp"

#include <dpex/runtime.hpp>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using namespace bench;

constexpr int Batch = 256;
constexpr unsigned CU_EVENT_BLOCKING_SYNC = 0x1;

// Waits for each handed-over event in order on a thread of its own, as the
// runtime's completion watcher did before launches were retired lazily
// (docs/runtime.md): with cuEventSynchronize, or by polling cuEventQuery
// with sleeps in between.
class Watcher {
public:
  Watcher(const CuApi &api, CUcontext context, bool poll)
      : thread_([this, &api, context, poll] {
          api.cuCtxSetCurrent(context);
          for (;;) {
            CUevent event;
            {
              std::unique_lock<std::mutex> lock(mutex_);
              ready_.wait(lock, [&] { return stop_ || !events_.empty(); });
              if (events_.empty())
                return;
              event = events_.front();
              events_.pop_front();
            }
            if (!poll) {
              api.cuEventSynchronize(event);
              continue;
            }
            auto nap = std::chrono::microseconds(10);
            while (api.cuEventQuery(event) != 0) {
              std::this_thread::sleep_for(nap);
              nap = std::min(nap * 2, std::chrono::microseconds(200));
            }
          }
        }) {}
  ~Watcher() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    ready_.notify_one();
    thread_.join();
  }
  void watch(CUevent event) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      events_.push_back(event);
    }
    ready_.notify_one();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<CUevent> events_;
  bool stop_ = false;
  std::thread thread_;
};

struct Variant {
  const char *name;
  // Submits one launch (async variants) or runs one to completion (sync).
  std::function<void(int)> launch;
  std::function<void()> finish;
  std::vector<double> samples;
};

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PTX [ROUNDS]\n", argv[0]);
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
  dpex::queue q;
  RawCuda cu(q.get_device().name());
  const CuApi &api = cu.api();
  CUstream stream = cu.stream();
  CUcontext context = nullptr;
  cu.check(api.cuCtxGetCurrent(&context), "cuCtxGetCurrent");
  CUfunction rawEmpty = cu.function(cu.loadPtx(argv[1]), "empty");

  std::vector<CUevent> starts(Batch), ends(Batch), blockingEnds(Batch);
  for (int i = 0; i < Batch; ++i) {
    cu.check(api.cuEventCreate(&starts[i], 0), "cuEventCreate");
    cu.check(api.cuEventCreate(&ends[i], kEventDisableTiming), "cuEventCreate");
    cu.check(api.cuEventCreate(&blockingEnds[i], CU_EVENT_BLOCKING_SYNC),
             "cuEventCreate");
  }
  auto launchEmpty = [&] {
    cu.check(api.cuLaunchKernel(rawEmpty, 1, 1, 1, 1, 1, 1, 0, stream, nullptr,
                                nullptr),
             "cuLaunchKernel");
  };
  auto record = [&](CUevent e) {
    cu.check(api.cuEventRecord(e, stream), "cuEventRecord");
  };
  auto streamSync = [&] {
    cu.check(api.cuStreamSynchronize(stream), "cuStreamSynchronize");
  };
  std::unique_ptr<Watcher> watcher;
  // Start event, kernel, end event from `endEvents`, whose end event a
  // watcher thread then waits for.
  auto watchedLaunch = [&](const std::vector<CUevent> &endEvents, bool poll) {
    return [&, events = &endEvents, poll](int i) {
      if (!watcher)
        watcher = std::make_unique<Watcher>(api, context, poll);
      record(starts[i]);
      launchEmpty();
      record((*events)[i]);
      watcher->watch((*events)[i]);
    };
  };
  auto stopWatcher = [&] {
    watcher.reset();
    streamSync();
  };

  std::vector<Variant> async = {
      {"raw: cuLaunchKernel + cuEventRecord (dpex_bench's baseline)",
       [&](int i) {
         launchEmpty();
         record(ends[i]);
       },
       streamSync,
       {}},
      {"+ cuEventRecord of a start event",
       [&](int i) {
         record(starts[i]);
         launchEmpty();
         record(ends[i]);
       },
       streamSync,
       {}},
      {"+ a thread doing cuEventSynchronize on each end event",
       watchedLaunch(ends, false),
       stopWatcher,
       {}},
      {"  ... with blocking-sync end events instead",
       watchedLaunch(blockingEnds, false),
       stopWatcher,
       {}},
      {"  ... polling cuEventQuery with 10-200 us sleeps instead",
       watchedLaunch(ends, true),
       stopWatcher,
       {}},
      {"dpex: call_kernel_async",
       [&](int) {
         dpex::call_kernel_async(q, bench::empty, dpex::range<1>(1), {});
       },
       [&] { q.wait(); },
       {}},
  };
  std::vector<Variant> sync = {
      {"raw: cuLaunchKernel + cuStreamSynchronize (dpex_bench's baseline)",
       [&](int) {
         launchEmpty();
         streamSync();
       },
       [] {},
       {}},
      {"raw: start/end cuEventRecord + cuEventSynchronize(end)",
       [&](int i) {
         record(starts[i]);
         launchEmpty();
         record(ends[i]);
         cu.check(api.cuEventSynchronize(ends[i]), "cuEventSynchronize");
       },
       [] {},
       {}},
      {"dpex: call_kernel",
       [&](int) { dpex::call_kernel(q, bench::empty, dpex::range<1>(1)); },
       [] {},
       {}},
  };

  auto measure = [&](std::vector<Variant> &variants, int perRound) {
    for (int r = -1; r < rounds; ++r) // round -1 warms up
      for (std::size_t k = 0; k < variants.size(); ++k) {
        // Rotate the order so that no variant always runs first.
        Variant &v = variants[(k + r + 1) % variants.size()];
        auto start = Clock::now();
        for (int i = 0; i < perRound; ++i)
          v.launch(i);
        v.finish();
        if (r >= 0)
          v.samples.push_back(nsSince(start) / perRound / 1e3);
      }
  };
  // Async: host time to submit a batch and see it complete.
  measure(async, Batch);
  measure(sync, 64);

  std::printf("# %s, %d rounds, median us per launch\n",
              q.get_device().name().c_str(), rounds);
  for (auto *variants : {&async, &sync}) {
    double base = median(variants->front().samples);
    std::printf("%s\n", variants == &async ? "## async, 256 launches then wait"
                                           : "## sync, one launch at a time");
    for (Variant &v : *variants) {
      double m = median(v.samples);
      std::printf("%8.2f us  %5.2fx  %s\n", m, m / base, v.name);
    }
  }
  return 0;
}
