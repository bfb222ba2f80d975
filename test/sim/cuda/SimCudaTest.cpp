// The CUDA backend on the simulated driver (SimCudaDriver.cpp), which the
// sim.cuda.* ctest entries put first on LD_LIBRARY_PATH. These tests check
// the runtime's side of the driver protocol (ordering, completion, error
// paths); they are no substitute for runtime.cuda.gpu on a real GPU.
#include "SimKernels.h"
#include "TestSupport.h"
#include "dpexsim.h"

#include <algorithm>
#include <dirent.h>
#include <dlfcn.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

using Catch::Matchers::Contains;
using dpex_test::expectError;

namespace {

// The simulation's own functions, found in the loaded driver.
struct Sim {
  decltype(&dpexsim_set_failures) setFailures;
  decltype(&dpexsim_calls) calls;
  decltype(&dpexsim_failures_injected) injected;
  decltype(&dpexsim_set_kernel_time) setKernelTime;
  decltype(&dpexsim_early_frees) earlyFrees;
  decltype(&dpexsim_live) live;
  decltype(&dpexsim_cubin_loads) cubinLoads;
  decltype(&dpexsim_pageable_copies) pageableCopies;
  decltype(&dpexsim_implicit_syncs) implicitSyncs;
};

template <typename F> F lookup(void *driver, const char *name) {
  F f = reinterpret_cast<F>(dlsym(driver, name));
  if (!f) {
    std::fprintf(stderr, "libcuda.so.1 is not the simulation (no %s)\n", name);
    std::abort();
  }
  return f;
}

// The runtime loads the driver with its first device query.
const Sim &sim() {
  static const Sim functions = [] {
    dpex::devices();
    void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
    if (!driver || !dpex_sim::registerKernels()) {
      std::fprintf(stderr, "the simulated libcuda.so.1 is not loaded\n");
      std::abort();
    }
    return Sim{
        lookup<decltype(&dpexsim_set_failures)>(driver, "dpexsim_set_failures"),
        lookup<decltype(&dpexsim_calls)>(driver, "dpexsim_calls"),
        lookup<decltype(&dpexsim_failures_injected)>(
            driver, "dpexsim_failures_injected"),
        lookup<decltype(&dpexsim_set_kernel_time)>(driver,
                                                   "dpexsim_set_kernel_time"),
        lookup<decltype(&dpexsim_early_frees)>(driver, "dpexsim_early_frees"),
        lookup<decltype(&dpexsim_live)>(driver, "dpexsim_live"),
        lookup<decltype(&dpexsim_cubin_loads)>(driver, "dpexsim_cubin_loads"),
        lookup<decltype(&dpexsim_pageable_copies)>(driver,
                                                   "dpexsim_pageable_copies"),
        lookup<decltype(&dpexsim_implicit_syncs)>(driver,
                                                  "dpexsim_implicit_syncs")};
  }();
  return functions;
}

std::vector<dpex::device> simDevices() {
  sim();
  std::vector<dpex::device> found;
  for (const dpex::device &d : dpex::devices())
    if (d.backend() == dpex::backend::cuda)
      found.push_back(d);
  return found;
}

dpex::device simDevice(std::size_t i) {
  std::vector<dpex::device> found = simDevices();
  REQUIRE(found.size() > i);
  return found[i];
}

// Waits up to a second for a count of live driver objects to drop to
// `expected`: a launch nobody waited for lets go of its queue when the
// completion sweeper retires it.
long settle(const char *kind, long expected) {
  long live = sim().live(kind);
  for (int i = 0; i < 1000 && live > expected; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    live = sim().live(kind);
  }
  return live;
}

// Waits for host events when it goes out of scope, declared after the host
// memory of async copies: a copy uses its host memory until its host event
// completed, also when an error unwinds the caller.
struct HostEvents {
  std::vector<dpex::event> events;
  ~HostEvents() {
    for (const dpex::event &e : events)
      try {
        if (!e.is_complete())
          e.wait();
      } catch (const dpex::error &) {
      }
  }
};

// One round of the operations a program makes: queues on both devices,
// arrays, copies in and out, a module load, sync and async launches,
// profiling, a device-to-device and a peer copy. Throws dpex::error.
void cycle() {
  constexpr std::size_t N = 1000;
  dpex::queue q(simDevice(0), dpex::enable_profiling);
  std::vector<float> x(N), y(N);
  for (std::size_t i = 0; i < N; ++i) {
    x[i] = static_cast<float>(i);
    y[i] = 1.0f;
  }
  dpex::array<float> ax(q, N), ay(q, N);
  ax.copy_from(x);
  ay.copy_from(y);
  dpex_sim::SaxpyKernel saxpy = dpex_sim::freshSaxpy();
  dpex::call_kernel(q, saxpy, dpex::range<1>(N), 2.0f, ax, ay);
  auto [host, device] =
      dpex::call_kernel_async(q, saxpy, dpex::range<1>(N), {}, 1.0f, ax, ay);
  host.wait();
  dpex::profiling_info times = device.profiling();
  if (times.end < times.start)
    throw std::logic_error("kernel ends before it starts");
  {
    // Async copies in and out around a launch that depends on the first
    // (staged: cuLaunchHostFunc, cuMemcpy*Async).
    std::vector<float> back(N);
    HostEvents pending;
    auto in = ax.copy_from_async(x);
    pending.events.push_back(in.first);
    dpex::call_kernel_async(q, saxpy, dpex::range<1>(N), {in.second}, 0.0f, ax,
                            ay);
    auto out = ay.to_host_async(back);
    pending.events.push_back(out.first);
    out.first.wait();
    for (std::size_t i = 0; i < N; ++i)
      if (back[i] != 1.0f + 3.0f * x[i])
        throw std::logic_error("wrong async copy at " + std::to_string(i));
  }
  {
    // A graph of a copy in, a launch and a copy out (stream capture,
    // cuGraphInstantiateWithFlags), replayed twice (cuGraphLaunch).
    std::vector<float> back(N);
    HostEvents pending;
    dpex::array<float> gx(q, N), gy(q, N);
    gy.copy_from(y);
    dpex::graph g(q);
    g.record([&] {
      auto in = gx.copy_from_async(x);
      auto k = dpex::call_kernel_async(q, saxpy, dpex::range<1>(N), {in.second},
                                       1.0f, gx, gy);
      gy.to_host_async(back, {k.second});
    });
    for (float expected : {1.0f, 2.0f}) {
      auto replayed = g.replay();
      pending.events.push_back(replayed.first);
      replayed.first.wait();
      for (std::size_t i = 0; i < N; ++i)
        if (back[i] != 1.0f + expected * x[i])
          throw std::logic_error("wrong graph replay at " + std::to_string(i));
    }
  }
  // After the launch on another queue of the device (cuStreamWaitEvent),
  // with more local memory than a block has by default (cuFuncSetAttribute).
  dpex::queue other(simDevice(0));
  constexpr std::size_t Local = 64, Groups = N / 100;
  std::vector<int> ones(Groups * Local, 1);
  dpex::array<int> in(other, ones.size()), sums(other, Groups);
  in.copy_from(ones);
  dpex::call_kernel_async(
      other, dpex_sim::freshGroupSum(),
      dpex::nd_range<1>(dpex::range<1>(Groups * Local), dpex::range<1>(Local)),
      {device}, in, dpex::local_memory<int>(16384), sums)
      .first.wait();
  for (int sum : sums.to_host())
    if (sum != static_cast<int>(Local))
      throw std::logic_error("wrong group sum");
  // An empty range after the first queue's launch: a marker.
  dpex::call_kernel_async(other, dpex_sim::mark, dpex::range<1>(0), {device},
                          sums, 0)
      .first.wait();
  dpex::array<float> copy(q, N);
  ay.copy_to(copy);
  dpex::queue peerQueue(simDevice(1));
  dpex::array<float> peer(peerQueue, N);
  copy.copy_to(peer);
  std::vector<float> out = peer.to_host();
  for (std::size_t i = 0; i < N; ++i)
    if (out[i] != 1.0f + 3.0f * x[i])
      throw std::logic_error("wrong result at " + std::to_string(i));
  q.wait();
}

} // namespace

TEST_CASE("sim.cuda: the simulated devices", "[sim][devices]") {
  std::vector<dpex::device> found = simDevices();
  REQUIRE(found.size() == 2);
  for (const dpex::device &d : found) {
    CHECK(d.name() == "dpex simulated CUDA device");
    CHECK(d.type() == dpex::device_type::gpu);
    CHECK(d.max_work_group_size() == 1024);
  }
  // CUDA devices come first and are preferred.
  CHECK(dpex::default_device() == found.front());
}

namespace {

// 8 threads each make 200 async launches on one queue, all threads at once
// round after round (the submissions interleave most often then), and check
// as soon as each host event completes that its kernel had ended. Every
// other launch takes an array that only the launch keeps alive.
void raceRound(dpex::queue &q, int round, std::atomic<int> &early,
               std::atomic<int> &checked) {
  constexpr int Threads = 8, Launches = 200, N = 256;
  std::atomic<int> arrived{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < Threads; ++t)
    threads.emplace_back([&, t] {
      dpex::array<int> own(q, N);
      for (int i = 0; i < Launches; ++i) {
        ++arrived;
        while (arrived.load() < (i + 1) * Threads)
          std::this_thread::yield();
        int tag = (round * Threads + t) * Launches + i;
        dpex::event host;
        if (i % 2) {
          dpex::array<int> temporary(q, N);
          host = dpex::call_kernel_async(q, dpex_sim::mark, dpex::range<1>(N),
                                         {}, temporary, tag)
                     .first;
        } else {
          host = dpex::call_kernel_async(q, dpex_sim::mark, dpex::range<1>(N),
                                         {}, own, tag)
                     .first;
        }
        while (!host.is_complete())
          std::this_thread::yield();
        if (!dpex_sim::marked(tag))
          ++early;
        ++checked;
      }
    });
  for (std::thread &t : threads)
    t.join();
}

} // namespace

// The runtime's completion protocol under many submitting threads: a host
// event may complete only once its kernel has run to its end (kernels take
// 50 to 500 us), and the arrays it holds may be freed only then. Up to
// three rounds, so that an ordering bug shows in nearly every run.
TEST_CASE("sim.cuda: host events complete after their kernels", "[sim][race]") {
  sim().setKernelTime(50, 500);
  dpex_sim::clearMarks();
  dpex::queue q(simDevice(0));
  std::atomic<int> early{0}, checked{0};
  int rounds = 0;
  for (; rounds < 3 && early.load() == 0 && sim().earlyFrees() == 0; ++rounds)
    raceRound(q, rounds, early, checked);
  q.wait();
  sim().setKernelTime(0, 0);
  INFO(early.load() << " of " << checked.load()
                    << " host events completed before their kernel; "
                    << sim().earlyFrees()
                    << " arrays freed while their kernel was pending");
  CHECK(checked.load() == rounds * 8 * 200);
  CHECK(early.load() == 0);
  CHECK(sim().earlyFrees() == 0);
}

TEST_CASE("sim.cuda: launches, copies and peer copies", "[sim][launch]") {
  cycle();

  SECTION("local memory through dynamic shared memory") {
    dpex::queue q(simDevice(0));
    constexpr int Groups = 8, Local = 64;
    std::vector<int> in(Groups * Local);
    for (std::size_t i = 0; i < in.size(); ++i)
      in[i] = static_cast<int>(i);
    dpex::array<int> ain(q, in.size()), aout(q, Groups);
    ain.copy_from(in);
    dpex::call_kernel(q, dpex_sim::groupSum,
                      dpex::nd_range<1>(dpex::range<1>(Groups * Local),
                                        dpex::range<1>(Local)),
                      ain, dpex::local_memory<int>(Local), aout);
    std::vector<int> out = aout.to_host();
    for (int g = 0; g < Groups; ++g) {
      int expected = 0;
      for (int l = 0; l < Local; ++l)
        expected += g * Local + l;
      CHECK(out[g] == expected);
    }
  }

  SECTION("a dependency on another queue's launch") {
    dpex::queue a(simDevice(0)), b(simDevice(0));
    dpex_sim::clearMarks();
    dpex::array<int> x(a, 256), y(b, 256);
    sim().setKernelTime(3000, 3000);
    auto first = dpex::call_kernel_async(a, dpex_sim::mark, dpex::range<1>(256),
                                         {}, x, 1);
    sim().setKernelTime(0, 0);
    // cuStreamWaitEvent: the quick kernel waits for the slow one.
    auto second = dpex::call_kernel_async(
        b, dpex_sim::mark, dpex::range<1>(256), {first.second}, y, 2);
    second.second.wait();
    CHECK(dpex_sim::marked(1));
    CHECK(first.second.is_complete());
    for (int v : y.to_host())
      CHECK(v == 2);
  }

  SECTION("a launch makes only the driver calls it needs") {
    dpex::queue q(simDevice(0));
    dpex::array<int> x(q, 256);
    dpex::call_kernel_async(q, dpex_sim::mark, dpex::range<1>(256), {}, x, 1);
    q.wait();
    // Counted from a quiet moment: the completion sweeper, which queries
    // events in a context of its own, has nothing left to look at.
    bool quiet = false;
    for (int i = 0; i < 100 && !quiet; ++i) {
      REQUIRE(sim().setFailures("") == 0);
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      quiet = sim().calls("cuCtxGetCurrent") == 0;
    }
    REQUIRE(quiet);
    constexpr unsigned long Launches = 20;
    // This thread has no context current: each launch pushes the device's
    // once, for the launch and, when sync, the wait that follows it.
    for (unsigned long i = 0; i < Launches; ++i)
      dpex::call_kernel(q, dpex_sim::mark, dpex::range<1>(256), x, 2);
    CHECK(sim().calls("cuLaunchKernel") == Launches);
    CHECK(sim().calls("cuStreamSynchronize") == Launches);
    CHECK(sim().calls("cuCtxGetCurrent") == Launches);
    CHECK(sim().calls("cuCtxPushCurrent") == Launches);
    CHECK(sim().calls("cuCtxPopCurrent") == Launches);
    CHECK(sim().calls("cuEventRecord") == 0);
    CHECK(sim().calls("cuStreamWaitEvent") == 0);
    for (int v : x.to_host())
      CHECK(v == 2);
  }

  SECTION("profiling timestamps measure the kernel") {
    dpex::queue q(simDevice(0), dpex::enable_profiling);
    dpex::array<float> x(q, 64), y(q, 64);
    x.copy_from(std::vector<float>(64, 1.0f));
    y.copy_from(std::vector<float>(64, 1.0f));
    sim().setKernelTime(2000, 2000);
    auto launched = dpex::call_kernel_async(q, dpex_sim::saxpy,
                                            dpex::range<1>(64), {}, 1.0f, x, y);
    dpex::profiling_info times = launched.second.profiling();
    sim().setKernelTime(0, 0);
    CHECK(times.queued <= times.start);
    // The simulated kernel takes 2 ms between its start and end records.
    CHECK(times.end - times.start >= 2000000);
    CHECK(times.end - times.start < 1000000000);
  }

  SECTION("a required sub-group size the GPU lacks is refused at launch") {
    dpex::queue q(simDevice(0));
    REQUIRE(q.get_device().sub_group_sizes() == std::vector<std::size_t>{32});
    dpex::array<int> out(q, 64);
    for (int launch = 0; launch < 2; ++launch) {
      dpex::error e = expectError([&] {
        dpex::call_kernel(
            q, dpex_sim::subGroupEight,
            dpex::nd_range<1>(dpex::range<1>(64), dpex::range<1>(32)), out);
      });
      CHECK(e.code() == dpex::errc::unsupported_image);
      CHECK_THAT(e.what(),
                 Contains("kernel 'dpex_sim::subGroupEight' of module "
                          "'sim_kernels.cpp' requires sub-groups of 8 "
                          "work-items (DPEX_REQD_SUB_GROUP_SIZE)") &&
                     Contains("(its sub-group sizes: 32)"));
      // The module's other kernels run.
      dpex::array<float> x(q, 64), y(q, 64);
      x.copy_from(std::vector<float>(64, 2.0f));
      y.copy_from(std::vector<float>(64, 1.0f));
      dpex::call_kernel(q, dpex_sim::saxpy, dpex::range<1>(64), 3.0f, x, y);
      for (float v : y.to_host())
        CHECK(v == 7.0f);
    }
  }
}

namespace {

// Entry points whose failure the runtime ignores by design: cleanup calls
// (their failure leaves nothing to undo), peer access (the copy is staged
// without it), error names (the code is reported instead), context queries
// (the context is pushed anyway), polls (Event::wait reports a failure) and
// page-locking host memory (the copy takes the driver's pageable path).
const std::set<std::string> tolerated = {
    "cuCtxEnablePeerAccess", "cuCtxGetCurrent",     "cuCtxPopCurrent",
    "cuCtxPushCurrent",      "cuEventDestroy",      "cuEventQuery",
    "cuGetErrorName",        "cuGetErrorString",    "cuMemFree",
    "cuModuleUnload",        "cuStreamDestroy",     "cuDevicePrimaryCtxRelease",
    "cuMemHostRegister",     "cuMemHostUnregister", "cuGraphDestroy",
    "cuGraphExecDestroy"};

// The error a failed call must give.
dpex::errc expectedCode(const std::string &entry) {
  if (entry == "cuMemAlloc")
    return dpex::errc::out_of_memory;
  if (entry == "cuModuleLoadDataEx" || entry == "cuModuleGetFunction")
    return dpex::errc::build_failed;
  if (entry == "cuLaunchKernel" || entry == "cuGraphLaunch" ||
      entry == "cuStreamSynchronize" || entry == "cuEventSynchronize" ||
      entry == "cuFuncSetAttribute")
    return dpex::errc::launch_failed;
  return dpex::errc::backend_error;
}

const char *const cycleEntries[] = {
    "cuGetErrorName",       "cuGetErrorString",   "cuCtxPushCurrent",
    "cuCtxPopCurrent",      "cuCtxGetCurrent",    "cuCtxEnablePeerAccess",
    "cuStreamCreate",       "cuStreamDestroy",    "cuStreamSynchronize",
    "cuStreamWaitEvent",    "cuEventCreate",      "cuEventRecord",
    "cuEventQuery",         "cuEventSynchronize", "cuEventElapsedTime",
    "cuEventDestroy",       "cuMemAlloc",         "cuMemFree",
    "cuMemcpyHtoDAsync",    "cuMemcpyDtoHAsync",  "cuMemcpyDtoDAsync",
    "cuMemcpyPeerAsync",    "cuModuleLoadDataEx", "cuModuleUnload",
    "cuModuleGetFunction",  "cuFuncGetAttribute", "cuFuncSetAttribute",
    "cuLaunchKernel",       "cuMemHostRegister",  "cuMemHostUnregister",
    "cuStreamBeginCapture", "cuStreamEndCapture", "cuGraphInstantiateWithFlags",
    "cuGraphLaunch",        "cuGraphDestroy",     "cuGraphExecDestroy",
    "cuLaunchHostFunc"};

// The n-th calls tried per entry point: the first ones of a cycle (setup)
// and, for polled calls, enough to reach the later operations.
constexpr unsigned long MaxCallsTried = 12;

} // namespace

// Every entry point a program's cycle calls, failed at each of its first
// calls in turn: the failure is a dpex::error naming the call (or, for the
// calls the runtime tolerates, the cycle still gives the right results),
// nothing leaks, nothing hangs (ctest's timeout), and the next cycle on
// fresh queues works.
TEST_CASE("sim.cuda: every failing driver call is reported and recovered",
          "[sim][faults]") {
  const Sim &s = sim();
  cycle(); // warm: contexts, timelines, event pools
  long memory = s.live("memory"), streams = s.live("stream");
  long graphs = s.live("graph"), graphExecs = s.live("graph_exec");
  s.setFailures("");
  cycle();
  std::map<std::string, unsigned long> callsPerCycle;
  for (const char *entry : cycleEntries)
    callsPerCycle[entry] = s.calls(entry);
  unsigned long tried = 0, reported = 0, toleratedRuns = 0;
  for (const char *entry : cycleEntries) {
    unsigned long reportedHere = 0, toleratedHere = 0, triedHere = 0;
    unsigned long calls = std::min(callsPerCycle[entry], MaxCallsTried);
    for (unsigned long n = 1; n <= calls; ++n) {
      std::string spec = std::string(entry) + ":" + std::to_string(n);
      INFO("DPEX_SIM_FAIL=" << spec);
      unsigned long before = s.injected(), freesBefore = s.earlyFrees();
      REQUIRE(s.setFailures(spec.c_str()) == 0);
      std::string message;
      dpex::errc code{};
      bool threw = false;
      std::string otherFailure;
      try {
        cycle();
      } catch (const dpex::error &e) {
        threw = true;
        message = e.what();
        code = e.code();
      } catch (const std::exception &e) {
        otherFailure = e.what();
      }
      s.setFailures("");
      if (s.injected() == before)
        continue; // this cycle made fewer calls (polls vary)
      ++triedHere;
      INFO("error: " << message << otherFailure);
      CHECK(otherFailure.empty());
      CHECK(s.earlyFrees() == freesBefore);
      if (threw) {
        ++reportedHere;
        if (std::string(entry) == "cuCtxPushCurrent") {
          // The call it guarded fails for want of a context (calls on a
          // stream or event need none, and succeed).
          CHECK_THAT(message, Contains("CUDA_ERROR_INVALID_CONTEXT"));
        } else {
          CHECK_THAT(message, Contains(entry));
          CHECK(code == expectedCode(entry));
        }
      } else {
        ++toleratedHere;
        // The queues' destructors wait for their streams and have no way
        // to report a failure: the cycle's last three synchronisations.
        bool inDestructor = std::string(entry) == "cuStreamSynchronize" &&
                            n + 3 > callsPerCycle[entry];
        CHECK((tolerated.count(entry) == 1 || inDestructor));
      }
      // A failed cuMemFree or cuStreamDestroy leaves its object behind:
      // the driver's doing, not a leak of the runtime.
      memory += std::string(entry) == "cuMemFree";
      streams += std::string(entry) == "cuStreamDestroy";
      graphs += std::string(entry) == "cuGraphDestroy";
      graphExecs += std::string(entry) == "cuGraphExecDestroy";
      CHECK(settle("memory", memory) == memory);
      CHECK(settle("stream", streams) == streams);
      CHECK(settle("graph", graphs) == graphs);
      CHECK(settle("graph_exec", graphExecs) == graphExecs);
      CHECK_NOTHROW(cycle());
    }
    std::printf("sim.cuda faults: %-22s %3lu calls per cycle, %2lu failed: "
                "%2lu reported, %2lu tolerated\n",
                entry, callsPerCycle[entry], triedHere, reportedHere,
                toleratedHere);
    tried += triedHere;
    reported += reportedHere;
    toleratedRuns += toleratedHere;
  }
  std::printf("sim.cuda faults: %lu failures injected: %lu reported as "
              "dpex::error, %lu tolerated\n",
              tried, reported, toleratedRuns);
  CHECK(tried > 60);
}

// Failures of the calls made once per process or per device, each in a
// process of its own (DPEX_SIM_FAIL set by ctest): enumeration failures
// leave the device out (or the backend unavailable, naming the call), the
// first use of a device reports the failure, and the next use works.
TEST_CASE("sim.cuda: a failure at the first use of the driver",
          "[sim][first-use]") {
  const char *spec = std::getenv("DPEX_SIM_FAIL");
  REQUIRE(spec);
  std::string entry(spec, std::string(spec).find(':'));
  const Sim &s = sim();
  std::vector<dpex::device> found = simDevices();
  if (entry == "cuInit" || entry == "cuDeviceGetCount") {
    CHECK(found.empty());
    dpex_test::ScopedEnv env("DPEX_DEVICE", "cuda:0");
    dpex::error e = expectError([] { dpex::queue q; });
    CHECK(e.code() == dpex::errc::device_not_found);
    CHECK_THAT(e.what(), Contains(entry));
    return;
  }
  if (entry.rfind("cuDevice", 0) == 0 && entry != "cuDevicePrimaryCtxRetain") {
    // One device could not be described: it is left out.
    CHECK(found.size() == 1);
    dpex::queue q(found.front());
    dpex::array<float> x(q, 16), y(q, 16);
    x.copy_from(std::vector<float>(16, 1.0f));
    y.copy_from(std::vector<float>(16, 1.0f));
    dpex::call_kernel(q, dpex_sim::saxpy, dpex::range<1>(16), 1.0f, x, y);
    for (float v : y.to_host())
      CHECK(v == 2.0f);
    return;
  }
  REQUIRE(found.size() == 2);
  try {
    cycle();
    FAIL("no error from " << spec);
  } catch (const dpex::error &e) {
    INFO(e.what());
    CHECK_THAT(e.what(), Contains(entry));
    CHECK(s.injected() == 1);
  }
  CHECK_NOTHROW(cycle());
}

// A failure while the runtime words another failure: the message still
// names the call and its code.
TEST_CASE("sim.cuda: error names that cannot be looked up", "[sim][faults]") {
  const Sim &s = sim();
  cycle();
  REQUIRE(s.setFailures("cuMemAlloc:1,cuGetErrorName:1,cuGetErrorString:1") ==
          0);
  dpex::error e = expectError([] { cycle(); });
  CHECK(s.calls("cuGetErrorName") == 1);
  s.setFailures("");
  CHECK(e.code() == dpex::errc::out_of_memory);
  CHECK_THAT(e.what(), Contains("cuMemAlloc: CUDA error (2)"));
  CHECK_NOTHROW(cycle());
}

// Arrays dropped once their launch's device event completed, with nobody
// waiting for its host event: dropping the last array retires the launch,
// so the memory is freed then, not when the completion sweeper comes by.
TEST_CASE("sim.cuda: arrays dropped after their launch completed are freed "
          "at once",
          "[sim][launch]") {
  const Sim &s = sim();
  dpex::queue q(simDevice(0));
  constexpr std::size_t N = 64;
  const long before = s.live("memory");
  dpex::event host;
  {
    dpex::array<float> x(q, N), y(q, N);
    x.copy_from(std::vector<float>(N, 1.0f));
    y.copy_from(std::vector<float>(N, 1.0f));
    auto launched = dpex::call_kernel_async(q, dpex_sim::saxpy,
                                            dpex::range<1>(N), {}, 1.0f, x, y);
    host = launched.first;
    launched.second.wait();
    CHECK(s.live("memory") == before + 2);
  }
  CHECK(s.live("memory") == before);
  CHECK(host.is_complete());
}

// A kernel that faults (its event reports CUDA_ERROR_ILLEGAL_ADDRESS): the
// host event still completes, having released the launch's arrays, and
// waiting for it reports the fault, whether the fault shows first in a
// wait or in a status query (the caller's or the completion sweeper's).
TEST_CASE("sim.cuda: a faulted launch completes its host event with the error",
          "[sim][faults]") {
  const Sim &s = sim();
  constexpr std::size_t N = 64;
  dpex::queue q(simDevice(0));
  dpex::array<float> x(q, N), y(q, N);
  x.copy_from(std::vector<float>(N, 1.0f));
  y.copy_from(std::vector<float>(N, 1.0f));
  const bool byQuery = GENERATE(false, true);
  INFO((byQuery ? "found by a status query" : "found by a wait"));
  REQUIRE(s.setFailures(byQuery ? "cuEventQuery:1:ILLEGAL_ADDRESS,"
                                  "cuEventSynchronize:1:ILLEGAL_ADDRESS"
                                : "cuEventSynchronize:1:ILLEGAL_ADDRESS") == 0);
  // Long enough that the kernel is still running at the first query.
  s.setKernelTime(20000, 20000);
  auto [host, device] = dpex::call_kernel_async(
      q, dpex_sim::saxpy, dpex::range<1>(N), {}, 2.0f, x, y);
  CHECK(x.use_count() == 2);
  if (byQuery) {
    while (!host.is_complete())
      std::this_thread::yield();
    CHECK(x.use_count() == 1);
  }
  dpex::error e = expectError([&] { host.wait(); });
  CHECK(e.code() == dpex::errc::launch_failed);
  CHECK_THAT(e.what(), Contains("CUDA_ERROR_ILLEGAL_ADDRESS"));
  CHECK(host.is_complete());
  CHECK(x.use_count() == 1);
  CHECK(y.use_count() == 1);
  s.setFailures("");
  s.setKernelTime(0, 0);
  // The simulated kernel runs on after its fault was reported: let it end
  // before its arrays are freed.
  q.wait();
}

// The program cache across processes (ctest runs this case in several, in
// order, against one DPEX_CACHE_DIR; DPEX_SIM_CACHE_EXPECT says which run
// this is): the first links the PTX into a cubin and stores it; the next
// loads the stored cubin and runs no JIT; where linking fails, the PTX is
// loaded as without the cache and nothing is stored; where the driver
// refuses the stored cubin, the PTX is linked again and the entry replaced.
TEST_CASE("sim.cuda: the program cache", "[sim][cache]") {
  const char *expect = std::getenv("DPEX_SIM_CACHE_EXPECT");
  const char *dir = std::getenv("DPEX_CACHE_DIR");
  REQUIRE(expect);
  REQUIRE(dir);
  std::string run = expect;
  const Sim &s = sim();
  constexpr std::size_t N = 256;
  dpex::queue q(simDevice(0));
  std::vector<float> x(N);
  for (std::size_t i = 0; i < N; ++i)
    x[i] = static_cast<float>(i);
  dpex::array<float> ax(q, N), ay(q, N);
  ax.copy_from(x);
  ay.copy_from(std::vector<float>(N, 1.0f));
  dpex::call_kernel(q, dpex_sim::saxpy, dpex::range<1>(N), 2.0f, ax, ay);
  std::vector<float> y = ay.to_host();
  for (std::size_t i = 0; i < N; ++i)
    REQUIRE(y[i] == 2.0f * x[i] + 1.0f);

  std::size_t entries = 0;
  if (DIR *d = opendir(dir)) {
    while (dirent *e = readdir(d))
      entries += std::string(e->d_name).find(".dpexbin") != std::string::npos;
    closedir(d);
  }
  unsigned long links = s.calls("cuLinkComplete");
  unsigned long ptxLoads = s.calls("cuModuleLoadDataEx");
  INFO("run " << run << ": " << links << " links, " << s.cubinLoads()
              << " cubin loads, " << ptxLoads << " ptx loads, " << entries
              << " entries");
  if (run == "cold") {
    CHECK(links == 1);
    CHECK(s.cubinLoads() == 1);
    CHECK(ptxLoads == 0);
    CHECK(entries == 1);
  } else if (run == "warm") {
    CHECK(s.calls("cuLinkCreate") == 0);
    CHECK(s.cubinLoads() == 1);
    CHECK(ptxLoads == 0);
    CHECK(entries == 1);
  } else if (run == "link-failed") {
    CHECK(s.injected() == 1);
    CHECK(s.cubinLoads() == 0);
    CHECK(ptxLoads == 1);
    CHECK(entries == 0);
  } else if (run == "rejected") {
    // The stored cubin's load failed; the new link's cubin loaded.
    CHECK(s.injected() == 1);
    CHECK(s.calls("cuModuleLoadData") == 2);
    CHECK(links == 1);
    CHECK(s.cubinLoads() == 1);
    CHECK(ptxLoads == 0);
    CHECK(entries == 1);
  } else if (run == "off") {
    CHECK(s.calls("cuLinkCreate") == 0);
    CHECK(ptxLoads == 1);
    CHECK(entries == 0);
  } else {
    FAIL("DPEX_SIM_CACHE_EXPECT=" << run
                                  << " is none of cold, warm, "
                                     "link-failed, rejected, off");
  }
}

namespace {

std::vector<float> ramp(std::size_t n, float first) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = first + static_cast<float>(i % 1000);
  return v;
}

} // namespace

// Async copies on the CUDA backend: a chain of copy in, a launch on another
// queue depending on it, and copy out, checked against the host, staged
// through page-locked memory (no copy took the driver's pageable path, which
// would have blocked the caller, and none page-locked the caller's memory);
// arrays the caller dropped stay alive until the host events; peer copies
// between the two simulated devices and staged copies to OpenCL devices.
TEST_CASE("sim.cuda: async copies", "[sim][copies]") {
  const Sim &s = sim();
  constexpr std::size_t N = 4096;
  const std::vector<float> x = ramp(N, 1.0f), y = ramp(N, 5.0f);
  // Registrations a failed cuMemHostUnregister left (an earlier case).
  const long registrations = s.live("registration");

  SECTION("copy in, a launch after it on another queue, copy out") {
    dpex::queue q(simDevice(0)), other(simDevice(0));
    dpex::array<float> ax(q, N), ay(other, N);
    ay.copy_from(y);
    const unsigned long pageable = s.pageableCopies();
    std::vector<float> out(N);
    auto in = ax.copy_from_async(x);
    dpex::array<float> ax2(other, N);
    auto moved = ax.copy_to_async(ax2, {in.second});
    auto launched =
        dpex::call_kernel_async(other, dpex_sim::saxpy, dpex::range<1>(N),
                                {moved.second}, 2.0f, ax2, ay);
    auto back = ay.to_host_async(out, {launched.second});
    back.first.wait();
    CHECK(s.pageableCopies() == pageable);
    CHECK(s.live("registration") == registrations);
    std::vector<float> expected(N);
    for (std::size_t i = 0; i < N; ++i)
      expected[i] = 2.0f * x[i] + y[i];
    CHECK(out == expected);
    CHECK(in.first.is_complete());
    CHECK(moved.first.is_complete());
    CHECK(settle("registration", registrations) == registrations);
  }

  SECTION("the caller goes on while the copy waits for a kernel") {
    dpex::queue q(simDevice(0));
    dpex::array<int> a(q, N);
    std::vector<int> out(N, -1);
    s.setKernelTime(50000, 50000);
    dpex::call_kernel_async(q, dpex_sim::mark, dpex::range<1>(N), {}, a, 7);
    auto copied = a.to_host_async(out);
    // Returned with the kernel still running: nothing copied yet. (The
    // simulation reads the kernel time when the kernel starts.)
    CHECK_FALSE(copied.second.is_complete());
    CHECK(out[0] == -1);
    s.setKernelTime(0, 0);
    copied.first.wait();
    CHECK(out == std::vector<int>(N, 7));
  }

  SECTION("arrays the caller dropped live until the host event") {
    long memory = s.live("memory");
    std::vector<int> out(N);
    dpex::event host, device;
    {
      dpex::queue q(simDevice(0));
      dpex::array<int> a(q, N);
      s.setKernelTime(20000, 20000);
      dpex::call_kernel_async(q, dpex_sim::mark, dpex::range<1>(N), {}, a, 3);
      std::tie(host, device) = a.to_host_async(out);
      s.setKernelTime(0, 0);
      CHECK(a.use_count() == 3); // the array, the launch, the copy
    }
    CHECK(s.live("memory") == memory + 1);
    host.wait();
    CHECK(s.live("memory") == memory);
    CHECK(out == std::vector<int>(N, 3));
  }

  SECTION("copies sharing the pages of one host buffer") {
    // Ranges of one buffer that share pages, copied at once behind a
    // kernel: each stages through a chunk of its own, none page-locks the
    // caller's memory, none takes the pageable path.
    dpex::queue q(simDevice(0));
    dpex::array<float> a(q, N), b(q, N / 2 + 1), c(q, N / 2 - 1);
    std::vector<float> whole(N), firstHalf(N / 2 + 1);
    const unsigned long frees = s.earlyFrees();
    a.copy_from(x); // blocking: the driver's pageable path
    const unsigned long pageable = s.pageableCopies();
    s.setKernelTime(5000, 5000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {}, 0.0f, a, a);
    s.setKernelTime(0, 0);
    auto all = a.to_host_async(whole);
    auto head = a.slice(0, N / 2 + 1).copy_to_async(b);
    auto fromHead = b.to_host_async(firstHalf, {head.second});
    all.first.wait();
    fromHead.first.wait();
    s.setKernelTime(5000, 5000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {}, 0.0f, a, a);
    auto one = a.slice(0, N / 2 + 1).copy_from_async(whole.data(), N / 2 + 1);
    auto two = c.copy_from_async(whole.data() + N / 2 + 1, N / 2 - 1);
    s.setKernelTime(0, 0);
    one.first.wait();
    two.first.wait();
    CHECK(s.pageableCopies() == pageable);
    CHECK(whole == x);
    CHECK(firstHalf == std::vector<float>(x.begin(), x.begin() + N / 2 + 1));
    CHECK(c.to_host() == std::vector<float>(x.begin() + N / 2 + 1, x.end()));
    CHECK(s.earlyFrees() == frees);
    CHECK(s.live("registration") == registrations);
  }

  SECTION("copies larger than a chunk go in pieces, in stream order") {
    // 10 MiB each way, behind a kernel: the call returns before anything
    // was copied, the pieces keep their order, and the result is whole.
    constexpr std::size_t Big = (10u << 20) / sizeof(float) + 123;
    const std::vector<float> big = ramp(Big, 3.0f);
    std::vector<float> back(Big, -1.0f);
    const long streams = s.live("stream");
    dpex::queue q(simDevice(0));
    dpex::array<float> a(q, Big);
    const unsigned long syncs = s.implicitSyncs();
    const unsigned long pageable = s.pageableCopies();
    s.setFailures("");
    s.setKernelTime(30000, 30000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(1), {}, 0.0f, a, a);
    auto in = a.copy_from_async(big);
    auto out = a.to_host_async(back, {in.second});
    CHECK_FALSE(in.second.is_complete());
    CHECK(back[0] == -1.0f);
    s.setKernelTime(0, 0);
    out.first.wait();
    const bool whole = back == big; // no 10 MiB printout on failure
    CHECK(whole);
    CHECK(s.calls("cuMemcpyHtoDAsync") > 1);
    CHECK(s.calls("cuMemcpyDtoHAsync") > 1);
    CHECK(s.pageableCopies() == pageable);
    CHECK(s.implicitSyncs() == syncs);
    // Double-buffered: the queue's stream and the helper stream its
    // memcpy's run on.
    CHECK(s.live("stream") == streams + 2);
  }

  SECTION("copies beyond the free chunks grow the pool") {
    // Small copies queued behind a kernel hold their chunks until it ends;
    // once none is free the pool allocates another block, which page-locks
    // memory beside the kernel (an implicit synchronisation, as counted).
    dpex::queue q(simDevice(0));
    dpex::array<float> a(q, 256);
    std::vector<std::vector<float>> sources;
    for (int i = 0; i < 600; ++i)
      sources.push_back(std::vector<float>(256, static_cast<float>(i)));
    const unsigned long syncs = s.implicitSyncs();
    s.setFailures("");
    s.setKernelTime(300000, 300000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(1), {}, 0.0f, a, a);
    HostEvents pending;
    std::size_t copies = 0;
    while (copies < sources.size() && s.calls("cuMemAllocHost") == 0)
      pending.events.push_back(a.copy_from_async(sources[copies++]).first);
    s.setKernelTime(0, 0); // read as the kernel starts, which it did
    CHECK(s.calls("cuMemAllocHost") == 1);
    CHECK(s.implicitSyncs() == syncs + 1);
    for (const dpex::event &e : pending.events)
      e.wait();
    CHECK(a.to_host() == sources[copies - 1]);
  }

  SECTION("peer copies between the devices") {
    dpex::queue q0(simDevice(0)), q1(simDevice(1));
    dpex::array<float> a(q0, N), b(q1, N);
    a.copy_from(x);
    s.setKernelTime(5000, 5000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {}, 1.0f, a, a);
    const unsigned long peers = s.calls("cuMemcpyPeerAsync");
    auto copied = a.copy_to_async(b); // after the kernel on q0
    s.setKernelTime(0, 0);
    copied.first.wait();
    CHECK(s.calls("cuMemcpyPeerAsync") == peers + 1);
    std::vector<float> expected(N);
    for (std::size_t i = 0; i < N; ++i)
      expected[i] = 2.0f * x[i];
    CHECK(b.to_host() == expected);
  }

  SECTION("staged copies to and from OpenCL devices") {
    std::vector<dpex::device> opencl;
    for (const dpex::device &d : dpex::devices())
      if (d.backend() == dpex::backend::opencl)
        opencl.push_back(d);
    if (opencl.empty()) {
      WARN("no OpenCL device: staged copies not tried");
      return;
    }
    dpex::queue cq(simDevice(0)), oq(opencl.front());
    dpex::array<float> c(cq, N), o(oq, N), back(cq, N);
    c.copy_from(x);
    auto there = c.copy_to_async(o);
    auto again = o.copy_to_async(back, {there.second});
    again.first.wait();
    CHECK(there.first.is_complete());
    CHECK(back.to_host() == x);
    CHECK(o.to_host() == x);
  }

  SECTION("sizes and overlaps are refused before anything runs") {
    dpex::queue q(simDevice(0));
    dpex::array<float> a(q, 8), b(q, 9);
    std::vector<float> host(10);
    dpex::error e = expectError([&] { a.copy_from_async(host); });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("10") && Contains("8"));
    e = expectError([&] { a.to_host_async(host); });
    CHECK(e.code() == dpex::errc::invalid_argument);
    e = expectError([&] { a.copy_to_async(b); });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("8 elements") && Contains("9"));
    e = expectError([&] { b.slice(0, 4).copy_to_async(b.slice(2, 4)); });
    CHECK(e.code() == dpex::errc::invalid_argument);
    CHECK_THAT(e.what(), Contains("overlap"));
  }
}

// A copy the driver fails completes both its events with the error, which
// wait() reports naming the copy and the driver call; work that depends on
// it fails the same way; a failed piece of a staged copy gives its chunk
// back; a pool that cannot grow fails the copy that needed it.
// The GPU case "async copies run beside a kernel on another stream": the
// copies of a chain on one queue must not page-lock host memory while a
// long kernel runs on another, since that ends their overlap (see
// dpexsim_implicit_syncs). They stage through the pool allocated with the
// context, so they page-lock nothing.
TEST_CASE("sim.cuda: async copies page-lock nothing beside a running kernel",
          "[sim][copies]") {
  const Sim &s = sim();
  constexpr std::size_t N = 4096;
  const std::vector<float> x = ramp(N, 1.0f);
  std::vector<float> out(N), expected(N);
  for (std::size_t i = 0; i < N; ++i)
    expected[i] = 3.0f * x[i]; // y = 2 y + y
  dpex::queue slow(simDevice(0)), q(simDevice(0));
  dpex::array<float> busy(slow, N), y(q, N);
  busy.copy_from(x);
  y.copy_from(std::vector<float>(N, 0.0f));
  const unsigned long syncs = s.implicitSyncs();
  s.setKernelTime(100000, 100000);
  auto [slowHost, slowDevice] = dpex::call_kernel_async(
      slow, dpex_sim::saxpy, dpex::range<1>(N), {}, 1.0f, busy, busy);
  auto in = y.copy_from_async(x);
  auto launched = dpex::call_kernel_async(q, dpex_sim::saxpy, dpex::range<1>(N),
                                          {in.second}, 2.0f, y, y);
  auto back = y.to_host_async(out, {launched.second});
  s.setKernelTime(0, 0);
  back.first.wait();
  slowHost.wait();
  CHECK(out == expected);
  CHECK(s.implicitSyncs() == syncs);
  CHECK(s.calls("cuMemHostRegister") == 0);
}

TEST_CASE("sim.cuda: a failed async copy completes its events with the error",
          "[sim][copies]") {
  const Sim &s = sim();
  constexpr std::size_t N = 1024;
  const std::vector<float> x = ramp(N, 2.0f);
  const long registrations = s.live("registration");
  dpex::queue q(simDevice(0));
  dpex::array<float> a(q, N);

  SECTION("the enqueue fails") {
    REQUIRE(s.setFailures("cuMemcpyHtoDAsync:1") == 0);
    auto [host, device] = a.copy_from_async(x);
    s.setFailures("");
    CHECK(host.is_complete());
    CHECK(device.is_complete());
    for (const dpex::event &e : {host, device}) {
      dpex::error error = expectError([&] { e.wait(); });
      CHECK(error.code() == dpex::errc::backend_error);
      CHECK_THAT(error.what(), Contains("dpex::array::copy_from_async") &&
                                   Contains("cuMemcpyHtoDAsync") &&
                                   Contains("CUDA_ERROR_UNKNOWN (999)"));
    }
    CHECK(a.use_count() == 1);
    dpex::error error = expectError([&] {
      dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {device},
                              1.0f, a, a);
    });
    CHECK_THAT(error.what(),
               Contains("dependency") && Contains("cuMemcpyHtoDAsync"));
  }

  SECTION("the copy fails on the device") {
    a.copy_from(x);
    std::vector<float> out(N);
    REQUIRE(s.setFailures("cuEventSynchronize:1:ILLEGAL_ADDRESS") == 0);
    auto [host, device] = a.to_host_async(out);
    dpex::error error = expectError([&] { host.wait(); });
    s.setFailures("");
    CHECK(error.code() == dpex::errc::launch_failed);
    CHECK_THAT(error.what(), Contains("dpex::array::to_host_async") &&
                                 Contains("CUDA_ERROR_ILLEGAL_ADDRESS (700)"));
    CHECK(host.is_complete());
    CHECK(a.use_count() == 1);
  }

  SECTION("a host function of a staged copy cannot be enqueued") {
    // Each direction's first host function (to the device: before its
    // piece; to the host: after it) and the one that ends the copy.
    for (const char *spec : {"cuLaunchHostFunc:1", "cuLaunchHostFunc:2"}) {
      INFO(spec);
      std::vector<float> out(N, -1.0f);
      a.copy_from(x);
      REQUIRE(s.setFailures(spec) == 0);
      auto [host, device] = a.to_host_async(out);
      s.setFailures("");
      dpex::error error = expectError([&] { host.wait(); });
      CHECK(error.code() == dpex::errc::backend_error);
      CHECK_THAT(error.what(), Contains("dpex::array::to_host_async") &&
                                   Contains("cuLaunchHostFunc"));
      REQUIRE(s.setFailures(spec) == 0);
      auto in = a.copy_from_async(out);
      s.setFailures("");
      error = expectError([&] { in.first.wait(); });
      CHECK_THAT(error.what(), Contains("dpex::array::copy_from_async") &&
                                   Contains("cuLaunchHostFunc"));
      CHECK(a.use_count() == 1);
    }
    // The chunks came back: copies still go.
    std::vector<float> out(N);
    a.to_host_async(out).first.wait();
    CHECK(out == x);
  }

  SECTION("a piece of a double-buffered copy fails") {
    // 10 MiB each way: several pieces through two chunks and a helper
    // stream. Each call failed early and later on: the error names it,
    // and the chunks come back (the pool never has to grow).
    constexpr std::size_t Big = (10u << 20) / sizeof(float) + 7;
    const std::vector<float> big = ramp(Big, 4.0f);
    dpex::array<float> b(q, Big);
    b.copy_from(big);
    unsigned long growths = 0;
    for (const char *entry :
         {"cuLaunchHostFunc", "cuEventRecord", "cuStreamWaitEvent",
          "cuMemcpyHtoDAsync", "cuMemcpyDtoHAsync"})
      for (int n : {1, 4}) {
        std::string spec = std::string(entry) + ":" + std::to_string(n);
        INFO(spec);
        std::vector<float> out(Big, -1.0f);
        REQUIRE(s.setFailures(spec.c_str()) == 0);
        const unsigned long injected = s.injected();
        auto toHost = b.to_host_async(out);
        auto toDevice = b.copy_from_async(big, {toHost.second});
        std::string messages;
        for (const dpex::event &e : {toHost.first, toDevice.first})
          try {
            e.wait();
          } catch (const dpex::error &error) {
            messages += error.what();
          }
        growths += s.calls("cuMemAllocHost");
        CHECK(s.injected() == injected + 1);
        s.setFailures("");
        CHECK_THAT(messages, Contains(entry));
      }
    CHECK(growths == 0);
    std::vector<float> out(Big);
    b.to_host_async(out).first.wait();
    const bool whole = out == big;
    CHECK(whole);
  }

  SECTION("the staging pool cannot grow") {
    // Small copies behind a kernel until the pool must grow, which fails:
    // that copy fails, naming the call; the ones after it grow the pool.
    std::vector<std::vector<float>> sources;
    for (int i = 0; i < 600; ++i)
      sources.push_back(std::vector<float>(16, static_cast<float>(i)));
    const unsigned long injectedBefore = s.injected();
    REQUIRE(s.setFailures("cuMemAllocHost:1") == 0);
    s.setKernelTime(300000, 300000);
    dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(1), {}, 0.0f, a, a);
    HostEvents pending;
    std::size_t copies = 0;
    while (copies < sources.size() && s.injected() == injectedBefore)
      pending.events.push_back(
          a.slice(0, 16).copy_from_async(sources[copies++]).first);
    s.setFailures("");
    s.setKernelTime(0, 0);
    REQUIRE(copies > 0);
    dpex::error error = expectError([&] { pending.events.back().wait(); });
    CHECK(error.code() == dpex::errc::out_of_memory);
    CHECK_THAT(error.what(), Contains("dpex::array::copy_from_async") &&
                                 Contains("cuMemAllocHost"));
    pending.events.pop_back();
    auto after = a.slice(0, 16).copy_from_async(sources[copies]);
    after.first.wait();
    for (const dpex::event &e : pending.events)
      e.wait();
    CHECK(a.slice(0, 16).to_host() == sources[copies]);
  }
  q.wait();
  CHECK(settle("registration", registrations) == registrations);
}

// The input and output of a graph in one host allocation, sharing a page:
// the output's pages overlap the input's registration without lying inside
// it, and the driver captures no copy from pageable memory.
TEST_CASE("sim.cuda: a graph copies host ranges that share a page",
          "[sim][graph]") {
  const Sim &s = sim();
  constexpr std::size_t N = 3000; // 12000 bytes: not a whole number of pages
  std::vector<float> host(2 * N);
  float *in = host.data(), *out = host.data() + N;
  const std::vector<float> x = ramp(N, 1.0f);
  std::copy(x.begin(), x.end(), in);
  dpex::queue q(simDevice(0));
  dpex::array<float> ax(q, N), ay(q, N);
  ay.copy_from(std::vector<float>(N, 0.0f));
  const long registrations = s.live("registration");
  {
    dpex::graph g(q);
    g.record([&] {
      auto copied = ax.copy_from_async(in, N);
      auto k = dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N),
                                       {copied.second}, 2.0f, ax, ay);
      ay.to_host_async(out, N, {k.second});
    });
    const unsigned long pageable = s.pageableCopies();
    std::vector<float> expected(N, 0.0f);
    for (int r = 0; r < 2; ++r) {
      g.replay().first.wait();
      for (std::size_t i = 0; i < N; ++i)
        expected[i] += 2.0f * x[i];
      INFO("replay " << r);
      CHECK(std::vector<float>(out, out + N) == expected);
    }
    CHECK(s.pageableCopies() == pageable);
  }
  q.wait();
  CHECK(settle("registration", registrations) == registrations);
}

TEST_CASE("sim.cuda: a graph is one cuGraphLaunch per replay", "[sim][graph]") {
  const Sim &s = sim();
  constexpr std::size_t N = 2048;
  const std::vector<float> x = ramp(N, 1.0f), y = ramp(N, -4.0f);
  dpex::queue q(simDevice(0));
  dpex::array<float> ax(q, N), ay(q, N);
  ay.copy_from(y);
  std::vector<float> back(N);
  HostEvents pending;
  const long execs = s.live("graph_exec");
  std::optional<dpex::graph> g(q);
  REQUIRE(s.setFailures("") == 0);
  g->record([&] {
    auto in = ax.copy_from_async(x);
    auto k1 = dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N),
                                      {in.second}, 2.0f, ax, ay);
    auto k2 = dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N),
                                      {k1.second}, -1.0f, ax, ay);
    ay.to_host_async(back, {k2.second});
  });
  CHECK(s.calls("cuStreamBeginCapture") == 1);
  CHECK(s.calls("cuGraphInstantiateWithFlags") == 1);
  CHECK(s.live("graph_exec") == execs + 1);
  const unsigned long launches = s.calls("cuLaunchKernel");
  std::vector<float> expected = y;
  const int rounds = 4;
  for (int r = 0; r < rounds; ++r) {
    auto replayed = g->replay();
    pending.events.push_back(replayed.first);
    replayed.first.wait();
    for (std::size_t i = 0; i < N; ++i)
      expected[i] = -1.0f * x[i] + (2.0f * x[i] + expected[i]);
    INFO("replay " << r);
    CHECK(back == expected);
  }
  // The kernels ran inside the graph: no launch of their own.
  CHECK(s.calls("cuLaunchKernel") == launches);
  CHECK(s.calls("cuGraphLaunch") == static_cast<unsigned long>(rounds));

  SECTION("a replay the driver refuses completes its events with the error") {
    REQUIRE(s.setFailures("cuGraphLaunch:1") == 0);
    auto [host, device] = g->replay();
    s.setFailures("");
    CHECK(host.is_complete());
    CHECK(device.is_complete());
    for (const dpex::event &e : {host, device}) {
      dpex::error error = expectError([&] { e.wait(); });
      CHECK(error.code() == dpex::errc::launch_failed);
      CHECK_THAT(error.what(), Contains("dpex::graph::replay") &&
                                   Contains("cuGraphLaunch") &&
                                   Contains("CUDA_ERROR_LAUNCH_FAILED (719)"));
    }
    // A launch depending on it fails with it; the next replay works.
    dpex::error error = expectError([&] {
      dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {device},
                              1.0f, ax, ay);
    });
    CHECK_THAT(error.what(),
               Contains("dependency") && Contains("cuGraphLaunch"));
    g->replay().first.wait();
    for (std::size_t i = 0; i < N; ++i)
      expected[i] = -1.0f * x[i] + (2.0f * x[i] + expected[i]);
    CHECK(back == expected);
  }
  SECTION("a replay that faults on the device reports it") {
    REQUIRE(s.setFailures("cuEventSynchronize:1:ILLEGAL_ADDRESS") == 0);
    auto [host, device] = g->replay();
    pending.events.push_back(host);
    dpex::error error = expectError([&] { host.wait(); });
    s.setFailures("");
    CHECK(error.code() == dpex::errc::launch_failed);
    CHECK_THAT(error.what(), Contains("CUDA_ERROR_ILLEGAL_ADDRESS (700)"));
    CHECK(host.is_complete());
  }
  SECTION("instantiation fails") {
    dpex::graph failing(q);
    REQUIRE(s.setFailures("cuGraphInstantiateWithFlags:1") == 0);
    dpex::error error = expectError([&] {
      failing.record([&] {
        dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {}, 1.0f,
                                ax, ay);
      });
    });
    s.setFailures("");
    CHECK(error.code() == dpex::errc::backend_error);
    CHECK_THAT(error.what(), Contains("dpex::graph::record") &&
                                 Contains("cuGraphInstantiateWithFlags"));
    CHECK(s.live("graph") == 0);
    error = expectError([&] { failing.replay(); });
    CHECK_THAT(error.what(), Contains("cuGraphInstantiateWithFlags"));
  }
  SECTION("a launch fails during the capture") {
    dpex::graph failing(q);
    REQUIRE(s.setFailures("cuLaunchKernel:1") == 0);
    dpex::error error = expectError([&] {
      failing.record([&] {
        dpex::call_kernel_async(dpex_sim::saxpy, dpex::range<1>(N), {}, 1.0f,
                                ax, ay);
      });
    });
    s.setFailures("");
    CHECK(error.code() == dpex::errc::launch_failed);
    CHECK_THAT(error.what(), Contains("cuLaunchKernel"));
    // The capture was ended: the queue works.
    CHECK(s.live("graph") == 0);
    dpex::call_kernel(dpex_sim::saxpy, dpex::range<1>(N), 0.0f, ax, ay);
  }
  // The arrays and the executable go with the graph, once its replays
  // completed.
  g.reset();
  q.wait();
  CHECK(settle("graph_exec", execs) == execs);
  CHECK(ax.use_count() == 1);
}
