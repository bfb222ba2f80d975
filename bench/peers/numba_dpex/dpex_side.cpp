// dpex_peer_bench: the dpex side of bench/peers/numba_dpex. It measures what
// bench_numba_dpex.py measures, on the same kernels, sizes and inputs, and
// prints one JSON object; run.sh runs the two alternately on one device.
//
//   dpex_peer_bench first-call
//   dpex_peer_bench steady --out-dir DIR [--sync-calls N] [--batches N]
//                          [--kernel-reps N]
//
// The device is dpex's default device (DPEX_DEVICE selects it). Both sides
// dispatch on in-order queues without profiling and time kernels on in-order
// queues with profiling.
#include "bench_kernels.dpex.hpp"
#include "stats.hpp"

#include <dpex/runtime.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using bench::Clock;
using bench::median;
using bench::nsSince;

// Sizes and inputs of inputs.py, which has the reasoning.
constexpr std::size_t kTriadN = std::size_t(1) << 22;
constexpr std::size_t kReduceN = std::size_t(1) << 22;
constexpr std::size_t kReduceGroups = 32;
constexpr std::size_t kReduceLocal = 64;
constexpr std::size_t kStencilN = 1026;
constexpr std::size_t kBsN = std::size_t(1) << 18;
constexpr std::size_t kFirstCallN = 1024;
constexpr float kTriadS = 3.0f, kBsR = 0.02f, kBsV = 0.30f;
constexpr int kBatch = 256;

float hash16(std::size_t i, unsigned seed) {
  std::uint32_t h = static_cast<std::uint32_t>(i) * 2654435761u + seed * 40503u;
  return static_cast<float>(h >> 16);
}

std::vector<float> unit(std::size_t n, unsigned seed) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = hash16(i, seed) / 65536.0f;
  return v;
}

std::vector<float> spot(std::size_t n, unsigned seed) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = 10.0f + hash16(i, seed) * 40.0f / 65536.0f;
  return v;
}

std::vector<float> maturity(std::size_t n, unsigned seed) {
  std::vector<float> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = 0.25f + hash16(i, seed) * 7.0f / 262144.0f;
  return v;
}

dpex::array<float> deviceArray(const dpex::queue &q,
                               const std::vector<float> &init) {
  dpex::array<float> a(q, init.size());
  a.copy_from(init);
  return a;
}

dpex::array<float> zeros(const dpex::queue &q, std::size_t n) {
  return deviceArray(q, std::vector<float>(n, 0.0f));
}

double secondsSince(Clock::time_point start) { return nsSince(start) / 1e9; }

using Fields = std::map<std::string, double>;

void firstCall(const dpex::queue &q, Fields &out) {
  const std::size_t n = kFirstCallN;
  auto b = deviceArray(q, unit(n, 1)), c = deviceArray(q, unit(n, 2)),
       a = zeros(q, n), x = deviceArray(q, unit(n, 5)), partial = zeros(q, 1),
       grid = deviceArray(q, unit(64 * 64, 6)), gridOut = zeros(q, 64 * 64),
       S = deviceArray(q, spot(n, 7)), X = deviceArray(q, spot(n, 8)),
       T = deviceArray(q, maturity(n, 9)), call = zeros(q, n),
       put = zeros(q, n);
  q.wait();
  auto t0 = Clock::now();
  dpex::call_kernel(bench::triad, dpex::range<1>(n), kTriadS, b, c, a);
  out["first_triad_s"] = secondsSince(t0);
  dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
  dpex::call_kernel(bench::reduce, dpex::nd_range<1>({64}, {64}),
                    static_cast<int>(n), x, partial,
                    dpex::local_memory<float>(64));
  dpex::call_kernel(bench::stencil, dpex::range<2>(62, 62), 64, grid, gridOut);
  dpex::call_kernel(bench::black_scholes, dpex::range<1>(n), kBsR, kBsV, S, X,
                    T, call, put);
  out["first_all_s"] = secondsSince(t0);
  auto t1 = Clock::now();
  dpex::call_kernel(bench::triad, dpex::range<1>(n), kTriadS, b, c, a);
  out["second_triad_s"] = secondsSince(t1);
  auto hb = unit(n, 1), hc = unit(n, 2), ha = a.to_host();
  for (std::size_t i = 0; i < n; ++i)
    if (std::abs(ha[i] - (hb[i] + kTriadS * hc[i])) > 1e-6f * (1 + ha[i]))
      throw std::runtime_error("first-call triad gave wrong results");
}

void dispatch(const dpex::queue &q, int syncCalls, int batches, Fields &out) {
  auto sync = [&] { dpex::call_kernel(q, bench::empty, dpex::range<1>(1)); };
  for (int i = 0; i < syncCalls / 10; ++i)
    sync();
  std::vector<double> syncNs;
  for (int i = 0; i < syncCalls; ++i) {
    auto start = Clock::now();
    sync();
    syncNs.push_back(nsSince(start));
  }

  struct Sample {
    double submitNs, totalNs;
  };
  auto chain = [&] {
    auto start = Clock::now();
    dpex::event previous;
    for (int i = 0; i < kBatch; ++i)
      previous = dpex::call_kernel_async(q, bench::empty, dpex::range<1>(1),
                                         {previous})
                     .second;
    double submit = nsSince(start);
    q.wait();
    return Sample{submit, nsSince(start)};
  };
  chain();
  std::vector<double> submits, totals;
  for (int r = 0; r < batches; ++r) {
    Sample s = chain();
    submits.push_back(s.submitNs / kBatch);
    totals.push_back(s.totalNs / kBatch);
  }
  out["sync_us"] = median(syncNs) / 1e3;
  out["chain_submit_us"] = median(submits) / 1e3;
  out["chain_total_us"] = median(totals) / 1e3;
}

// Median wall time of sync launches and median device time (profiling
// counters) of async ones, in ms, after one warm-up launch.
template <typename Kernel, typename Space, typename... Args>
void kernelTimes(const std::string &name, int reps, Fields &out,
                 const Kernel &k, const Space &space, const Args &...args) {
  dpex::call_kernel(k, space, args...);
  std::vector<double> wall, device;
  for (int r = 0; r < reps; ++r) {
    auto start = Clock::now();
    dpex::call_kernel(k, space, args...);
    wall.push_back(nsSince(start));
  }
  for (int r = 0; r < reps; ++r) {
    auto [host, dev] =
        dpex::call_kernel_async(k, space, std::vector<dpex::event>{}, args...);
    dpex::profiling_info p = dev.profiling();
    host.wait();
    device.push_back(static_cast<double>(p.end - p.start));
  }
  out[name + "_wall_ms"] = median(wall) / 1e6;
  out[name + "_ms"] = median(device) / 1e6;
}

void save(const std::string &dir, const std::string &name,
          const dpex::array<float> &a) {
  std::vector<float> host = a.to_host();
  std::ofstream f(dir + "/" + name + ".f32", std::ios::binary);
  f.write(reinterpret_cast<const char *>(host.data()),
          static_cast<std::streamsize>(host.size() * sizeof(float)));
  if (!f)
    throw std::runtime_error("cannot write " + dir + "/" + name + ".f32");
}

void kernels(const dpex::queue &q, int reps, const std::string &dir,
             Fields &out) {
  auto b = deviceArray(q, unit(kTriadN, 1)),
       c = deviceArray(q, unit(kTriadN, 2)), a = zeros(q, kTriadN);
  kernelTimes("triad", reps, out, bench::triad, dpex::range<1>(kTriadN),
              kTriadS, b, c, a);

  auto x = deviceArray(q, unit(kReduceN, 5)), partial = zeros(q, kReduceGroups);
  kernelTimes("reduce", reps, out, bench::reduce,
              dpex::nd_range<1>({kReduceGroups * kReduceLocal}, {kReduceLocal}),
              static_cast<int>(kReduceN), x, partial,
              dpex::local_memory<float>(kReduceLocal));

  const std::size_t n = kStencilN;
  auto grid = deviceArray(q, unit(n * n, 6)), gridOut = zeros(q, n * n);
  kernelTimes("stencil", reps, out, bench::stencil,
              dpex::range<2>(n - 2, n - 2), static_cast<int>(n), grid, gridOut);

  auto S = deviceArray(q, spot(kBsN, 7)), X = deviceArray(q, spot(kBsN, 8)),
       T = deviceArray(q, maturity(kBsN, 9)), call = zeros(q, kBsN),
       put = zeros(q, kBsN);
  kernelTimes("black_scholes", reps, out, bench::black_scholes,
              dpex::range<1>(kBsN), kBsR, kBsV, S, X, T, call, put);

  save(dir, "triad", a);
  save(dir, "reduce", partial);
  save(dir, "stencil", gridOut);
  save(dir, "bs_call", call);
  save(dir, "bs_put", put);
}

std::string jsonString(const std::string &s) {
  std::string out = "\"";
  for (char ch : s) {
    if (ch == '"' || ch == '\\')
      out += '\\';
    out += ch;
  }
  return out + "\"";
}

[[noreturn]] void usage(const char *why) {
  std::fprintf(stderr,
               "dpex_peer_bench: %s\n"
               "usage: dpex_peer_bench first-call\n"
               "       dpex_peer_bench steady --out-dir DIR [--sync-calls N] "
               "[--batches N] [--kernel-reps N]\n",
               why);
  std::exit(2);
}

} // namespace

int main(int argc, char **argv) try {
  auto processStart = Clock::now();
  if (argc < 2)
    usage("missing mode");
  std::string mode = argv[1], outDir;
  int syncCalls = 2000, batches = 20, kernelReps = 11;
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 >= argc)
      usage(("missing value for " + arg).c_str());
    std::string value = argv[++i];
    if (arg == "--out-dir")
      outDir = value;
    else if (arg == "--sync-calls")
      syncCalls = std::stoi(value);
    else if (arg == "--batches")
      batches = std::stoi(value);
    else if (arg == "--kernel-reps")
      kernelReps = std::stoi(value);
    else
      usage(("unknown argument " + arg).c_str());
  }
  if (mode != "first-call" && mode != "steady")
    usage(("unknown mode " + mode).c_str());
  if (mode == "steady" && outDir.empty())
    usage("steady needs --out-dir");

  dpex::device dev = dpex::default_device();
  dpex::queue q(dev);
  Fields out;
  out["queue_s"] = secondsSince(processStart);
  if (mode == "first-call")
    firstCall(q, out);
  else {
    dispatch(q, syncCalls, batches, out);
    // Profiling costs every launch some time, so only the kernels' queue
    // has it, as on the numba_dpex side.
    kernels(dpex::queue(dev, dpex::enable_profiling), kernelReps, outDir, out);
  }
  std::printf("{\"side\": \"dpex\", \"device\": %s, \"platform\": %s",
              jsonString(dev.name()).c_str(),
              jsonString(dev.platform()).c_str());
  for (const auto &[key, value] : out)
    std::printf(", \"%s\": %.9g", key.c_str(), value);
  std::printf("}\n");
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "dpex_peer_bench: %s\n", e.what());
  return 1;
}
