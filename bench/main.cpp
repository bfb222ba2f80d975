// dpex_bench: dispatch cost, kernel quality and compile time of dpex against
// the raw backend on the same device, each comparison measured in one run.
// bench/run.sh (CPU) and bench/run-gpu.sh (CUDA) run it; bench/report.py
// renders its JSON into docs/performance.md. See docs/performance.md for the
// method.
#include "bench_kernels.dpex.hpp"
#include "compile_time.hpp"
#include "results.hpp"
#include "stats.hpp"
#include "twin.hpp"

#include <dpex/runtime.hpp>

#include <sys/utsname.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace {

using bench::Clock;
using bench::median;
using bench::nsSince;
using bench::Report;
using bench::Result;
using bench::Shape;
using bench::Twin;
using bench::TwinArg;

struct Options {
  std::string out = "bench-results.json";
  std::string clSource = "bench/opencl/bench_kernels.cl";
  std::string ptx;              // CUDA twins; required on a CUDA device
  std::string dpexc;            // the compile section runs only with it
  std::string sourceRoot = "."; // the compile section's kernels and include/
  std::set<std::string> sections = {"dispatch", "kernels", "compile"};
  int kernelReps = 0;     // 0: per device type
  int dispatchRounds = 0; // 0: per device type
  int compileReps = 7;
  std::vector<std::pair<std::string, std::string>> meta;
};

[[noreturn]] void usage(const char *why) {
  std::fprintf(
      stderr,
      "dpex_bench: %s\n"
      "usage: dpex_bench [--out FILE] [--sections dispatch,kernels,compile]\n"
      "  [--cl-source FILE] [--ptx FILE] [--dpexc PATH] [--source-root DIR]\n"
      "  [--kernel-reps N] [--dispatch-rounds N] [--compile-reps N]\n"
      "  [--meta KEY=VALUE]...\n"
      "The device is dpex's default device (DPEX_DEVICE selects it).\n",
      why);
  std::exit(2);
}

Options parse(int argc, char **argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc)
        usage(("missing value for " + arg).c_str());
      return argv[++i];
    };
    if (arg == "--out")
      o.out = value();
    else if (arg == "--cl-source")
      o.clSource = value();
    else if (arg == "--ptx")
      o.ptx = value();
    else if (arg == "--dpexc")
      o.dpexc = value();
    else if (arg == "--source-root")
      o.sourceRoot = value();
    else if (arg == "--kernel-reps")
      o.kernelReps = std::stoi(value());
    else if (arg == "--dispatch-rounds")
      o.dispatchRounds = std::stoi(value());
    else if (arg == "--compile-reps")
      o.compileReps = std::stoi(value());
    else if (arg == "--sections") {
      o.sections.clear();
      std::string list = value();
      for (std::size_t start = 0; start <= list.size();) {
        std::size_t comma = list.find(',', start);
        if (comma == std::string::npos)
          comma = list.size();
        o.sections.insert(list.substr(start, comma - start));
        start = comma + 1;
      }
    } else if (arg == "--meta") {
      std::string kv = value();
      std::size_t eq = kv.find('=');
      if (eq == std::string::npos)
        usage("--meta takes KEY=VALUE");
      o.meta.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
    } else {
      usage(("unknown argument " + arg).c_str());
    }
  }
  return o;
}

// Calls each function once per repetition, starting at a different one each
// time so that none always runs right after another; returns each one's
// median.
std::vector<double>
interleaved(int warmup, int reps,
            const std::vector<std::function<double()>> &fns) {
  for (int w = 0; w < warmup; ++w)
    for (const auto &f : fns)
      f();
  std::vector<std::vector<double>> samples(fns.size());
  for (int r = 0; r < reps; ++r)
    for (std::size_t k = 0; k < fns.size(); ++k) {
      std::size_t which = (r + k) % fns.size();
      samples[which].push_back(fns[which]());
    }
  std::vector<double> medians;
  for (const auto &s : samples)
    medians.push_back(median(s));
  return medians;
}

// ---------------------------------------------------------------- dispatch

void benchDispatch(const dpex::queue &q, Twin &twin, bool cuda, int rounds,
                   Report &report) {
  const std::string rawSync = cuda ? "cuLaunchKernel + cuStreamSynchronize"
                                   : "clEnqueueNDRangeKernel + clFinish";
  constexpr int kCallsPerRound = 100;
  auto dpexSync = [&] {
    dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
  };
  auto rawSyncCall = [&] { twin.launchEmptySync(); };
  auto timed = [](auto call, std::vector<double> &ns) {
    auto start = Clock::now();
    call();
    ns.push_back(nsSince(start));
  };
  // Calls alternate one by one (in either order) so that both see the same
  // machine load; a shared VM's load changes faster than a block of calls.
  std::vector<double> warm, dpexNs, rawNs;
  for (int i = 0; i < kCallsPerRound; ++i) {
    timed(dpexSync, warm);
    timed(rawSyncCall, warm);
  }
  for (int i = 0; i < rounds * kCallsPerRound; ++i) {
    if (i % 2) {
      timed(dpexSync, dpexNs);
      timed(rawSyncCall, rawNs);
    } else {
      timed(rawSyncCall, rawNs);
      timed(dpexSync, dpexNs);
    }
  }
  Result sync;
  sync.section = "dispatch";
  sync.key = "sync dispatch";
  sync.name = "sync launch of an empty kernel, wall time per call";
  sync.unit = "us";
  sync.dpex = median(dpexNs) / 1e3;
  sync.baseline = median(rawNs) / 1e3;
  sync.baselineName = rawSync;
  sync.ratioName = "dpex / raw";
  sync.ratio = sync.dpex / sync.baseline;
  sync.target = "<= 1.05";
  sync.reps = rounds * kCallsPerRound;
  report.results.push_back(sync);

  // Async: batches of launches; the host time to enqueue a batch (submit
  // cost), and launches per second until the whole batch has completed.
  constexpr int kBatch = 256;
  for (bool chain : {false, true}) {
    struct Sample {
      double submitNs, totalNs;
    };
    auto dpexBatch = [&] {
      auto start = Clock::now();
      dpex::event previous;
      for (int i = 0; i < kBatch; ++i) {
        auto launched =
            dpex::call_kernel_async(q, bench::empty, dpex::range<1>(1),
                                    chain ? std::vector<dpex::event>{previous}
                                          : std::vector<dpex::event>{});
        previous = launched.second;
      }
      double submit = nsSince(start);
      q.wait();
      return Sample{submit, nsSince(start)};
    };
    auto rawBatch = [&] {
      auto start = Clock::now();
      twin.launchEmptyAsync(kBatch, chain);
      double submit = nsSince(start);
      twin.finish();
      return Sample{submit, nsSince(start)};
    };
    dpexBatch();
    rawBatch();
    std::vector<double> dSubmit, dTotal, wSubmit, wTotal;
    for (int r = 0; r < rounds; ++r) {
      Sample d{}, w{};
      if (r % 2) {
        d = dpexBatch();
        w = rawBatch();
      } else {
        w = rawBatch();
        d = dpexBatch();
      }
      dSubmit.push_back(d.submitNs / kBatch);
      dTotal.push_back(d.totalNs);
      wSubmit.push_back(w.submitNs / kBatch);
      wTotal.push_back(w.totalNs);
    }
    std::string what = chain ? "async, each launch after the previous one's "
                               "event"
                             : "async, independent launches";
    std::string raw =
        cuda ? (chain ? "cuStreamWaitEvent + cuLaunchKernel + cuEventRecord"
                      : "cuLaunchKernel + cuEventRecord")
             : (chain ? "clEnqueueNDRangeKernel with an event wait list"
                      : "clEnqueueNDRangeKernel returning an event");
    Result submit;
    submit.section = "dispatch";
    submit.key = chain ? "async chain submit" : "async submit";
    submit.name = what + ": submit cost per launch";
    submit.unit = "us";
    submit.dpex = median(dSubmit) / 1e3;
    submit.baseline = median(wSubmit) / 1e3;
    submit.baselineName = raw;
    submit.ratioName = "dpex / raw";
    submit.ratio = submit.dpex / submit.baseline;
    submit.target = "<= 1.20";
    submit.reps = rounds;
    submit.note = std::to_string(kBatch) + " launches per batch";
    report.results.push_back(submit);

    Result rate = submit;
    rate.key = chain ? "async chain rate" : "async rate";
    rate.name = what + ": throughput until completion";
    rate.unit = "launches/s";
    rate.dpex = kBatch / (median(dTotal) / 1e9);
    rate.baseline = kBatch / (median(wTotal) / 1e9);
    rate.ratioName = "raw / dpex (cost per launch)";
    rate.ratio = rate.baseline / rate.dpex;
    rate.note += "; dpex waits with queue::wait(), which includes releasing "
                 "the host events";
    report.results.push_back(rate);
  }

  // What profiling costs where it is asked for: the same async batches on a
  // queue made with enable_profiling.
  dpex::queue profiled(q.get_device(), dpex::enable_profiling);
  auto submitNs = [&](const dpex::queue &on) {
    auto start = Clock::now();
    for (int i = 0; i < kBatch; ++i)
      dpex::call_kernel_async(on, bench::empty, dpex::range<1>(1), {});
    double ns = nsSince(start) / kBatch;
    on.wait();
    return ns;
  };
  submitNs(q);
  submitNs(profiled);
  std::vector<double> plainNs, profiledNs;
  for (int r = 0; r < rounds; ++r) {
    plainNs.push_back(submitNs(q));
    profiledNs.push_back(submitNs(profiled));
  }
  Result cost;
  cost.section = "dispatch";
  cost.key = "profiling cost";
  cost.name = "async submit on a queue with enable_profiling";
  cost.unit = "us";
  cost.dpex = median(profiledNs) / 1e3;
  cost.baseline = median(plainNs) / 1e3;
  cost.baselineName = "dpex, default queue";
  cost.ratioName = "profiling / default";
  cost.ratio = cost.dpex / cost.baseline;
  cost.reps = rounds;
  cost.note = std::to_string(kBatch) + " launches per batch";
  report.results.push_back(cost);
}

// ----------------------------------------------------------------- kernels

// The work-group size of the work-group algorithm rows: GROUP in their
// twins, which CUB's block primitives take at compile time.
constexpr std::size_t kGroup = 256;

struct Sizes {
  std::size_t triad, sgemm, reduce, reduceGroups, reduceLocal, stencil, bs;
  // The work-group algorithm rows (groups of kGroup work-items).
  std::size_t groupReduceGroups, scan, histogram;
};

// Large enough that launch overhead is a small part of each time; the CPU
// sizes keep a run on a 2-core VM to a few minutes.
Sizes sizesFor(dpex::device_type type) {
  if (type == dpex::device_type::gpu)
    return {std::size_t(1) << 26,
            4096,
            std::size_t(1) << 27,
            2048,
            256,
            8194,
            std::size_t(1) << 24,
            2048,
            std::size_t(1) << 26,
            std::size_t(1) << 26};
  return {std::size_t(1) << 22,
          256,
          std::size_t(1) << 22,
          32,
          64,
          1026,
          std::size_t(1) << 18,
          32,
          std::size_t(1) << 20,
          std::size_t(1) << 20};
}

std::vector<float> randomFloats(std::size_t n, float lo, float hi,
                                unsigned seed) {
  std::mt19937 gen(seed);
  std::uniform_real_distribution<float> dist(lo, hi);
  std::vector<float> v(n);
  for (float &x : v)
    x = dist(gen);
  return v;
}

// A buffer on the twin's device, freed with it.
class TwinBuffer {
public:
  TwinBuffer(Twin &twin, const std::vector<float> &init)
      : twin_(twin), bytes_(init.size() * sizeof(float)),
        p_(twin.alloc(bytes_)) {
    twin.upload(p_, init.data(), bytes_);
  }
  ~TwinBuffer() { twin_.free(p_); }
  TwinBuffer(const TwinBuffer &) = delete;
  TwinBuffer &operator=(const TwinBuffer &) = delete;
  operator std::uintptr_t() const { return p_; }
  std::vector<float> read() const {
    std::vector<float> out(bytes_ / sizeof(float));
    twin_.download(out.data(), p_, bytes_);
    return out;
  }

private:
  Twin &twin_;
  std::size_t bytes_;
  std::uintptr_t p_;
};

dpex::array<float> deviceArray(const dpex::queue &q,
                               const std::vector<float> &init) {
  dpex::array<float> a(q, init.size());
  a.copy_from(init);
  return a;
}

// The kernel's device time from the backend's own profiling counters.
template <typename Kernel, typename Space, typename... Args>
double dpexKernelNs(const Kernel &k, const Space &space, Args &&...args) {
  auto [host, dev] = dpex::call_kernel_async(
      k, space, std::vector<dpex::event>{}, std::forward<Args>(args)...);
  dpex::profiling_info p = dev.profiling();
  host.wait();
  return static_cast<double>(p.end - p.start);
}

// Empty when dpex's and the twin's outputs agree within `tol` (relative).
std::string compareOutputs(const std::vector<float> &dpexOut,
                           const std::vector<float> &twinOut, float tol) {
  double worst = 0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < dpexOut.size(); ++i) {
    double err = std::fabs(dpexOut[i] - twinOut[i]) /
                 std::max(1.0, std::fabs(double(twinOut[i])));
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  if (worst <= tol)
    return "";
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "OUTPUTS DIFFER: relative error %.3g at %zu (dpex %g, twin %g)",
                worst, at, dpexOut[at], twinOut[at]);
  return buf;
}

// Empty when `got` matches the host's `ref` within `tol` (relative, as in
// compareOutputs); else what differs, naming `who`.
std::string compareToHost(const char *who, const std::vector<float> &got,
                          const std::vector<double> &ref, double tol) {
  double worst = 0;
  std::size_t at = 0;
  for (std::size_t i = 0; i < ref.size(); ++i) {
    double err = std::fabs(got[i] - ref[i]) / std::max(1.0, std::fabs(ref[i]));
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  if (worst <= tol)
    return "";
  char buf[200];
  std::snprintf(buf, sizeof buf,
                "WRONG RESULT (%s): relative error %.3g at %zu (%g, host %g)",
                who, worst, at, got[at], ref[at]);
  return buf;
}

// The first non-empty message, or `otherwise`.
std::string firstOf(const std::vector<std::string> &checks,
                    const std::string &otherwise) {
  for (const std::string &c : checks)
    if (!c.empty())
      return c;
  return otherwise;
}

struct KernelBench {
  const dpex::queue &q;
  Twin &twin;
  bool cuda;
  int reps;
  Report &report;

  void add(const std::string &key, const std::string &name, double dpexNs,
           double twinNs, const std::string &target, const std::string &note) {
    Result r;
    r.section = "kernels";
    r.key = key;
    r.name = name;
    r.unit = "ms";
    r.dpex = dpexNs / 1e6;
    r.baseline = twinNs / 1e6;
    r.baselineName = twin.description();
    r.ratioName = "twin time / dpex time";
    r.ratio = twinNs / dpexNs;
    r.target = target;
    r.reps = reps;
    r.note = note;
    report.results.push_back(r);
  }
  // On OpenCL every kernel should be within 5% of its twin; on CUDA the
  // targets cover the kernels whose code quality matters beyond bandwidth.
  std::string target(bool cudaTarget) const {
    return cuda ? (cudaTarget ? ">= 0.90" : "") : ">= 0.95";
  }

  void triad(std::size_t n) {
    std::size_t bytes = n * sizeof(float);
    auto hb = randomFloats(n, 0, 1, 1), hc = randomFloats(n, 0, 1, 2);
    std::vector<float> zeros(n, 0.0f);
    auto b = deviceArray(q, hb), c = deviceArray(q, hc),
         a = deviceArray(q, zeros);
    TwinBuffer tb(twin, hb), tc(twin, hc), ta(twin, zeros), tcopy(twin, zeros);
    const float s = 3.0f;
    auto m = interleaved(
        2, reps,
        {[&] {
           return dpexKernelNs(bench::triad, dpex::range<1>(n), s, b, c, a);
         },
         [&] {
           return twin.run("triad", Shape{1, {n}, {0}},
                           {TwinArg::value(s), TwinArg::buf(tb),
                            TwinArg::buf(tc), TwinArg::buf(ta)});
         },
         [&] { return twin.copy(tcopy, tb, bytes); }});
    std::string check = compareOutputs(a.to_host(), ta.read(), 1e-6f);
    char note[160];
    std::snprintf(note, sizeof note, "n = %zu; dpex %.1f GB/s, twin %.1f GB/s",
                  n, 3 * bytes / m[0], 3 * bytes / m[1]);
    add("triad", "triad a = b + s*c", m[0], m[1], target(false),
        check.empty() ? note : check);

    Result bw;
    bw.section = "kernels";
    bw.key = "triad/copy BW";
    bw.name = "triad bandwidth vs device-to-device copy";
    bw.unit = "GB/s";
    bw.dpex = 3 * bytes / m[0];
    bw.baseline = 2 * bytes / m[2];
    bw.baselineName = cuda ? "cuMemcpyDtoDAsync" : "clEnqueueSVMMemcpy";
    bw.ratioName = "dpex triad / copy bandwidth";
    bw.ratio = bw.dpex / bw.baseline;
    bw.target = cuda ? ">= 0.90" : "";
    bw.reps = reps;
    char bwNote[120];
    std::snprintf(bwNote, sizeof bwNote,
                  "copy of %zu MiB; twin triad reaches %.2f of copy",
                  bytes >> 20, (3 * bytes / m[1]) / bw.baseline);
    bw.note = bwNote;
    report.results.push_back(bw);
  }

  // A range whose extent has no good divisor (a prime, an odd number)
  // against a power of two, per element: dpex rounds the grid up. The twin,
  // launched exactly as given, shows what the driver makes of it.
  void rangeRounding() {
    const std::size_t pow2 = std::size_t(1) << 24;
    auto hb = randomFloats(pow2, 0, 1, 1), hc = randomFloats(pow2, 0, 1, 2);
    std::vector<float> zeros(pow2, 0.0f);
    auto b = deviceArray(q, hb), c = deviceArray(q, hc),
         a = deviceArray(q, zeros);
    TwinBuffer tb(twin, hb), tc(twin, hc), ta(twin, zeros);
    const float s = 3.0f;
    for (auto [key, n] : {std::pair{"range rounding, prime", 16777213ul},
                          std::pair{"range rounding, odd", 16773127ul}}) {
      auto twinRun = [&](std::size_t extent) {
        return twin.run("triad", Shape{1, {extent}, {0}},
                        {TwinArg::value(s), TwinArg::buf(tb), TwinArg::buf(tc),
                         TwinArg::buf(ta)});
      };
      auto m = interleaved(
          2, reps,
          {[&] {
             return dpexKernelNs(bench::triad, dpex::range<1>(pow2), s, b, c,
                                 a);
           },
           [&] {
             return dpexKernelNs(bench::triad, dpex::range<1>(n), s, b, c, a);
           },
           [&] { return twinRun(pow2); }, [&] { return twinRun(n); }});
      Result r;
      r.section = "kernels";
      r.key = key;
      r.name = "triad on range<1>(" + std::to_string(n) +
               "), time per element vs range<1>(2^24)";
      r.unit = "ms";
      r.dpex = m[1] / 1e6;
      r.baseline = m[0] / 1e6;
      r.baselineName = "dpex on 2^24";
      r.ratioName = "time per element / 2^24's";
      r.ratio = (m[1] / n) / (m[0] / pow2);
      r.target = "<= 1.10";
      r.reps = reps;
      char note[160];
      std::snprintf(note, sizeof note,
                    "the twin launched as given: %.2fx its 2^24 time per "
                    "element",
                    (m[3] / n) / (m[2] / pow2));
      r.note = note;
      report.results.push_back(r);
    }
  }

  void sgemm(std::size_t n) {
    constexpr std::size_t tile = 16;
    auto hA = randomFloats(n * n, -1, 1, 3), hB = randomFloats(n * n, -1, 1, 4);
    std::vector<float> zeros(n * n, 0.0f);
    auto A = deviceArray(q, hA), B = deviceArray(q, hB),
         C = deviceArray(q, zeros);
    TwinBuffer tA(twin, hA), tB(twin, hB), tC(twin, zeros);
    const int ni = static_cast<int>(n);
    auto m = interleaved(
        1, reps,
        {[&] {
           return dpexKernelNs(bench::sgemm,
                               dpex::nd_range<2>({n, n}, {tile, tile}), ni, A,
                               B, C, dpex::local_memory<float>(tile * tile),
                               dpex::local_memory<float>(tile * tile));
         },
         [&] {
           return twin.run("sgemm", Shape{2, {n, n}, {tile, tile}},
                           {TwinArg::value(ni), TwinArg::buf(tA),
                            TwinArg::buf(tB), TwinArg::buf(tC),
                            TwinArg::local(tile * tile * sizeof(float)),
                            TwinArg::local(tile * tile * sizeof(float))});
         }});
    std::string check = compareOutputs(C.to_host(), tC.read(), 1e-4f);
    char note[120];
    std::snprintf(note, sizeof note, "n = %zu, 16x16 tiles; dpex %.1f GFLOP/s",
                  n, 2.0 * n * n * n / m[0]);
    add("sgemm", "tiled SGEMM (local memory)", m[0], m[1], target(true),
        check.empty() ? note : check);
  }

  void reduce(std::size_t n, std::size_t groups, std::size_t local) {
    auto hx = randomFloats(n, 0, 1, 5);
    std::vector<float> zeros(groups, 0.0f);
    auto x = deviceArray(q, hx), partial = deviceArray(q, zeros);
    TwinBuffer tx(twin, hx), tp(twin, zeros);
    const int ni = static_cast<int>(n);
    auto m = interleaved(
        2, reps,
        {[&] {
           return dpexKernelNs(bench::reduce,
                               dpex::nd_range<1>({groups * local}, {local}), ni,
                               x, partial, dpex::local_memory<float>(local));
         },
         [&] {
           return twin.run("reduce", Shape{1, {groups * local}, {local}},
                           {TwinArg::value(ni), TwinArg::buf(tx),
                            TwinArg::buf(tp),
                            TwinArg::local(local * sizeof(float))});
         }});
    std::string check = compareOutputs(partial.to_host(), tp.read(), 1e-5f);
    char note[120];
    std::snprintf(note, sizeof note,
                  "n = %zu, %zu groups of %zu; dpex %.1f GB/s", n, groups,
                  local, n * sizeof(float) / m[0]);
    add("reduction", "reduction (sum, local-memory tree)", m[0], m[1],
        target(true), check.empty() ? note : check);
  }

  // Which twins the OpenCL driver built (bench/opencl/bench_kernels.cl):
  // the work-group functions or the local-memory versions, float atomic add
  // or a compare-and-swap loop.
  std::pair<std::string, std::string> groupTwinVariants() {
    if (cuda)
      return {"cub::BlockReduce / cub::BlockScan", "atomicAdd"};
    std::vector<float> zeros(2, 0.0f);
    TwinBuffer tv(twin, zeros);
    twin.run("group_twin_variant", Shape{1, {1}, {0}}, {TwinArg::buf(tv)});
    std::vector<float> v = tv.read();
    return {v[0] != 0 ? "work_group_reduce_add / work_group_scan_exclusive_add"
                      : "local-memory tree / scan",
            v[1] != 0 ? "atomic_fetch_add_explicit on atomic_float"
                      : "atomic_cmpxchg loop"};
  }

  // reduce_over_group against the local-memory tree (both dpex, the same
  // launch) and against the twin.
  void groupReduce(std::size_t n, std::size_t groups,
                   const std::string &twinIs) {
    const std::size_t local = kGroup, global = groups * local;
    auto hx = randomFloats(n, 0, 1, 11);
    std::vector<double> ref(groups, 0.0);
    for (std::size_t i = 0; i < n; ++i)
      ref[(i % global) / local] += hx[i];
    std::vector<float> zeros(groups, 0.0f);
    // Each run reads its own copy of the input: the runs take turns in a
    // fixed cyclic order, and a run reading what the one before it left in
    // the cache (16 MiB fits the L3 of many CPUs) measured faster.
    auto x = deviceArray(q, hx), xt = deviceArray(q, hx),
         pg = deviceArray(q, zeros), pt = deviceArray(q, zeros);
    TwinBuffer tx(twin, hx), tp(twin, zeros);
    const int ni = static_cast<int>(n);
    const dpex::nd_range<1> space({global}, {local});
    std::vector<std::function<double()>> runs = {
        [&] { return dpexKernelNs(bench::reduce_group, space, ni, x, pg); },
        [&] {
          return dpexKernelNs(bench::reduce, space, ni, xt, pt,
                              dpex::local_memory<float>(local));
        },
        [&] {
          return twin.run(
              "reduce_group", Shape{1, {global}, {local}},
              {TwinArg::value(ni), TwinArg::buf(tx), TwinArg::buf(tp)});
        }};
    for (auto &run : runs)
      run();
    std::string check = firstOf(
        {compareToHost("dpex reduce_over_group", pg.to_host(), ref, 1e-4),
         compareToHost("dpex tree", pt.to_host(), ref, 1e-4),
         compareToHost("twin", tp.read(), ref, 1e-4)},
        "");
    auto m = interleaved(2, reps, runs);
    char note[200];
    std::snprintf(note, sizeof note,
                  "n = %zu, %zu groups of %zu; dpex %.1f GB/s; results "
                  "checked against the host",
                  n, groups, local, n * sizeof(float) / m[0]);
    Result r;
    r.section = "kernels";
    r.key = "group reduce/tree";
    r.name = "reduction with reduce_over_group vs the local-memory tree";
    r.unit = "ms";
    r.dpex = m[0] / 1e6;
    r.baseline = m[1] / 1e6;
    r.baselineName = "dpex, local-memory tree (the reduction row's kernel)";
    r.ratioName = "tree time / reduce_over_group time";
    r.ratio = m[1] / m[0];
    r.target = cuda ? "" : ">= 0.95";
    r.reps = reps;
    r.note = firstOf({check}, note);
    report.results.push_back(r);
    add("group reduce", "reduction (sum, reduce_over_group)", m[0], m[2],
        cuda ? ">= 0.90" : "",
        firstOf({check}, "twin: " + twinIs + "; " + note));
  }

  void groupScan(std::size_t n, const std::string &twinIs) {
    const std::size_t local = kGroup;
    auto hx = randomFloats(n, 0, 1, 12);
    std::vector<double> ref(n);
    for (std::size_t i = 0; i < n; ++i)
      ref[i] = i % local ? ref[i - 1] + hx[i - 1] : 0.0;
    std::vector<float> zeros(n, 0.0f);
    auto x = deviceArray(q, hx), y = deviceArray(q, zeros);
    TwinBuffer tx(twin, hx), ty(twin, zeros);
    std::vector<std::function<double()>> runs = {
        [&] {
          return dpexKernelNs(bench::scan_group,
                              dpex::nd_range<1>({n}, {local}), x, y);
        },
        [&] {
          return twin.run("scan_group", Shape{1, {n}, {local}},
                          {TwinArg::buf(tx), TwinArg::buf(ty)});
        }};
    for (auto &run : runs)
      run();
    std::string check = firstOf({compareToHost("dpex exclusive_scan_over_group",
                                               y.to_host(), ref, 1e-4),
                                 compareToHost("twin", ty.read(), ref, 1e-4)},
                                "");
    auto m = interleaved(2, reps, runs);
    char note[200];
    std::snprintf(note, sizeof note,
                  "twin: %s; n = %zu, groups of %zu; dpex %.1f GB/s; "
                  "results checked against the host",
                  twinIs.c_str(), n, local, 2.0 * n * sizeof(float) / m[0]);
    add("group scan",
        "exclusive scan per work-group (exclusive_scan_over_group)", m[0], m[1],
        cuda ? ">= 0.90" : "", firstOf({check}, note));
  }

  // The histogram accumulates across launches; its result is checked on
  // the first launch of each side, from zeroed bins.
  void floatAtomics(std::size_t n, const std::string &twinIs) {
    constexpr int bins = 16;
    auto hx = randomFloats(n, 0, 1, 13);
    std::vector<double> ref(bins, 0.0);
    for (float v : hx)
      ref[std::min(static_cast<int>(v * static_cast<float>(bins)), bins - 1)] +=
          1.0;
    std::vector<float> zeros(bins, 0.0f);
    auto x = deviceArray(q, hx), hist = deviceArray(q, zeros);
    TwinBuffer tx(twin, hx), thist(twin, zeros);
    std::vector<std::function<double()>> runs = {
        [&] {
          return dpexKernelNs(bench::histogram, dpex::range<1>(n), bins, x,
                              hist);
        },
        [&] {
          return twin.run(
              "histogram", Shape{1, {n}, {0}},
              {TwinArg::value(bins), TwinArg::buf(tx), TwinArg::buf(thist)});
        }};
    for (auto &run : runs)
      run();
    // Counts below 2^24 add up exactly in any order.
    std::string check =
        firstOf({compareToHost("dpex atomic_ref<float>::fetch_add",
                               hist.to_host(), ref, 0.0),
                 compareToHost("twin", thist.read(), ref, 0.0)},
                "");
    auto m = interleaved(2, reps, runs);
    char note[200];
    std::snprintf(note, sizeof note,
                  "twin: %s; %zu float adds into %d bins; dpex %.1f Madds/s; "
                  "results checked against the host",
                  twinIs.c_str(), n, bins, n / m[0] * 1e3);
    add("float atomics",
        "float-atomic histogram (atomic_ref<float>::fetch_add)", m[0], m[1],
        cuda ? ">= 0.90" : "", firstOf({check}, note));
  }

  void stencil(std::size_t n) {
    auto hin = randomFloats(n * n, 0, 1, 6);
    std::vector<float> zeros(n * n, 0.0f);
    auto in = deviceArray(q, hin), out = deviceArray(q, zeros);
    TwinBuffer tin(twin, hin), tout(twin, zeros);
    const int ni = static_cast<int>(n);
    auto m = interleaved(
        2, reps,
        {[&] {
           return dpexKernelNs(bench::stencil, dpex::range<2>(n - 2, n - 2), ni,
                               in, out);
         },
         [&] {
           return twin.run(
               "stencil", Shape{2, {n - 2, n - 2}, {0, 0}},
               {TwinArg::value(ni), TwinArg::buf(tin), TwinArg::buf(tout)});
         }});
    std::string check = compareOutputs(out.to_host(), tout.read(), 1e-6f);
    char note[120];
    std::snprintf(note, sizeof note, "%zu x %zu grid; dpex %.1f GB/s", n, n,
                  2.0 * n * n * sizeof(float) / m[0]);
    add("stencil", "2-D 5-point stencil", m[0], m[1], target(true),
        check.empty() ? note : check);
  }

  void blackScholes(std::size_t n) {
    auto hS = randomFloats(n, 10, 50, 7), hX = randomFloats(n, 10, 50, 8),
         hT = randomFloats(n, 0.25f, 2, 9);
    std::vector<float> zeros(n, 0.0f);
    auto S = deviceArray(q, hS), X = deviceArray(q, hX), T = deviceArray(q, hT),
         call = deviceArray(q, zeros), put = deviceArray(q, zeros);
    TwinBuffer tS(twin, hS), tX(twin, hX), tT(twin, hT), tcall(twin, zeros),
        tput(twin, zeros);
    const float r = 0.02f, v = 0.30f;
    auto m = interleaved(
        2, reps,
        {[&] {
           return dpexKernelNs(bench::black_scholes, dpex::range<1>(n), r, v, S,
                               X, T, call, put);
         },
         [&] {
           return twin.run("black_scholes", Shape{1, {n}, {0}},
                           {TwinArg::value(r), TwinArg::value(v),
                            TwinArg::buf(tS), TwinArg::buf(tX),
                            TwinArg::buf(tT), TwinArg::buf(tcall),
                            TwinArg::buf(tput)});
         }});
    std::string check = compareOutputs(call.to_host(), tcall.read(), 1e-4f);
    char note[120];
    std::snprintf(note, sizeof note, "%zu options; dpex %.1f Moptions/s", n,
                  n / m[0] * 1e3);
    add("black-scholes", "Black-Scholes (exp, log, sqrt, erfc)", m[0], m[1],
        target(true), check.empty() ? note : check);
  }

  void mathMix(std::size_t n) {
    auto hx = randomFloats(n, 0.1f, 2, 10);
    std::vector<float> zeros(n, 0.0f);
    auto x = deviceArray(q, hx), y = deviceArray(q, zeros);
    TwinBuffer tx(twin, hx), ty(twin, zeros);
    auto m = interleaved(
        2, reps,
        {[&] { return dpexKernelNs(bench::math_mix, dpex::range<1>(n), x, y); },
         [&] {
           return twin.run("math_mix", Shape{1, {n}, {0}},
                           {TwinArg::buf(tx), TwinArg::buf(ty)});
         }});
    std::string check = compareOutputs(y.to_host(), ty.read(), 1e-5f);
    char note[120];
    std::snprintf(note, sizeof note, "%zu elements; dpex %.1f Gelements/s", n,
                  n / m[0]);
    add("math mix", "math mix (exp, log, sin, cos, pow, erf)", m[0], m[1],
        target(true), check.empty() ? note : check);
  }
};

// ------------------------------------------------------------------- meta

std::string cpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0)
      return line.substr(line.find(':') + 2);
  return "unknown";
}

std::string utcNow() {
  std::time_t now = std::time(nullptr);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  return buf;
}

} // namespace

int main(int argc, char **argv) try {
  if (argc > 1 && std::string(argv[1]) == bench::kRssProbeFlag)
    return bench::rssProbe(argc - 2, argv + 2);
  Options opts = parse(argc, argv);
  Report report;
  std::string command;
  for (int i = 0; i < argc; ++i)
    command += (i ? " " : "") + std::string(argv[i]);
  utsname host{};
  uname(&host);
  report.meta = {{"date", utcNow()},
                 {"command", command},
                 {"host cpu", cpuModel()},
                 {"host logical cpus",
                  std::to_string(std::thread::hardware_concurrency())},
                 {"kernel", std::string(host.sysname) + " " + host.release}};

  if (opts.sections.count("compile")) {
    if (opts.dpexc.empty())
      usage("the compile section needs --dpexc");
    std::fprintf(stderr, "compile time ...\n");
    bench::benchCompile(opts.dpexc, opts.sourceRoot, opts.clSource,
                        opts.compileReps, report);
  }
  bool needDevice =
      opts.sections.count("dispatch") || opts.sections.count("kernels");
  if (needDevice) {
    dpex::queue q;
    dpex::device dev = q.get_device();
    bool cuda = dev.backend() == dpex::backend::cuda;
    if (cuda && opts.ptx.empty())
      usage("a CUDA device needs --ptx (the nvcc-built twins)");
    std::unique_ptr<Twin> twin =
        cuda ? bench::makeCudaTwin(dev.name(), opts.ptx)
             : bench::makeOpenCLTwin(dev.name(), dev.platform(), opts.clSource);
    bool gpu = dev.type() == dpex::device_type::gpu;
    int kernelReps = opts.kernelReps ? opts.kernelReps : gpu ? 30 : 11;
    int rounds = opts.dispatchRounds ? opts.dispatchRounds : gpu ? 50 : 20;
    report.meta.emplace_back("device", dev.name());
    report.meta.emplace_back("platform", dev.platform());
    report.meta.emplace_back("backend", dpex::to_string(dev.backend()));
    report.meta.emplace_back("device type", dpex::to_string(dev.type()));
    report.meta.emplace_back("twins", twin->description());

    if (opts.sections.count("dispatch")) {
      std::fprintf(stderr, "dispatch on %s ...\n", dev.name().c_str());
      benchDispatch(q, *twin, cuda, rounds, report);
    }
    if (opts.sections.count("kernels")) {
      Sizes s = sizesFor(dev.type());
      // Kernel times come from the backend's profiling counters.
      dpex::queue profiled(dev, dpex::enable_profiling);
      KernelBench kb{profiled, *twin, cuda, kernelReps, report};
      std::fprintf(stderr, "kernels on %s ...\n", dev.name().c_str());
      kb.triad(s.triad);
      kb.rangeRounding();
      kb.sgemm(s.sgemm);
      kb.reduce(s.reduce, s.reduceGroups, s.reduceLocal);
      kb.stencil(s.stencil);
      kb.blackScholes(s.bs);
      kb.mathMix(s.bs);
      auto [groupTwin, atomicTwin] = kb.groupTwinVariants();
      kb.groupReduce(s.reduce, s.groupReduceGroups, groupTwin);
      kb.groupScan(s.scan, groupTwin);
      kb.floatAtomics(s.histogram, atomicTwin);
    }
  }
  for (auto &kv : opts.meta)
    report.meta.push_back(kv);

  for (const Result &r : report.results)
    std::printf("%-9s %-62s dpex %10.4g %-10s base %10.4g  ratio %6.3f %-8s "
                "%s %s\n",
                r.section.c_str(), r.name.c_str(), r.dpex, r.unit.c_str(),
                r.baseline, r.ratio, r.target.c_str(),
                r.target.empty() ? "" : (bench::meets(r) ? "ok" : "MISSED"),
                r.note.c_str());
  bench::writeJson(report, opts.out);
  std::fprintf(stderr, "wrote %s\n", opts.out.c_str());
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "dpex_bench: %s\n", e.what());
  return 1;
}
