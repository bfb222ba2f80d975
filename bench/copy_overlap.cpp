// Overlap of an async copy with an independent kernel on another queue of
// the same device: the median time of both together over the longer one's
// median alone (1.0: fully overlapped; the serial bound, (copy + kernel) /
// max: one after the other). The kernel is a chain of tiled SGEMM launches,
// as many as make it about as long as the copy. Each direction:
// copy_from_async (host to device) and to_host_async (device to host).
//
// Usage: dpex_copy_overlap [MiB (default 64)] [rounds (default 15)]
// on the default device (DPEX_DEVICE).
#include "bench_kernels.dpex.hpp"
#include "stats.hpp"

#include <dpex/runtime.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

constexpr int SgemmN = 128;
constexpr std::size_t Tile = 16; // bench_kernels.cpp's kTile

struct Kernel {
  dpex::queue queue;
  dpex::array<float> a, b, c;
  int reps = 1;

  explicit Kernel(const dpex::queue &q)
      : queue(q), a(q, SgemmN * SgemmN), b(q, SgemmN * SgemmN),
        c(q, SgemmN * SgemmN) {
    std::vector<float> ones(SgemmN * SgemmN, 1.0f);
    a.copy_from(ones);
    b.copy_from(ones);
  }
  // Submits the chain; returns its last device event.
  dpex::event submit() {
    dpex::event last;
    for (int r = 0; r < reps; ++r)
      last = dpex::call_kernel_async(
                 bench::sgemm,
                 dpex::nd_range<2>(dpex::range<2>(SgemmN, SgemmN),
                                   dpex::range<2>(Tile, Tile)),
                 {}, SgemmN, a, b, c, dpex::local_memory<float>(Tile * Tile),
                 dpex::local_memory<float>(Tile * Tile))
                 .second;
    return last;
  }
};

struct Sample {
  double copy, kernel, both, submit;
};

// One round: copy alone, kernel alone, both at once (kernel submitted
// first, then the copy); `submit`: how long the copy call took to return.
template <typename Copy> Sample round(Kernel &kernel, Copy copy) {
  Sample s{};
  auto start = bench::Clock::now();
  copy().first.wait();
  s.copy = bench::nsSince(start);
  start = bench::Clock::now();
  kernel.submit().wait();
  s.kernel = bench::nsSince(start);
  start = bench::Clock::now();
  dpex::event k = kernel.submit();
  auto submitted = bench::Clock::now();
  std::pair<dpex::event, dpex::event> c = copy();
  s.submit = bench::nsSince(submitted);
  // Status queries submit both queues' commands before either wait.
  k.is_complete();
  c.second.is_complete();
  k.wait();
  c.first.wait();
  s.both = bench::nsSince(start);
  return s;
}

template <typename Copy>
void measure(const char *what, Kernel &kernel, int rounds, Copy copy) {
  // Calibrate: as many SGEMMs as make the kernel about as long as the copy.
  round(kernel, copy);
  Sample first = round(kernel, copy);
  kernel.reps = 1;
  Sample one = round(kernel, copy);
  kernel.reps = std::max(1, static_cast<int>(first.copy / one.kernel + 0.5));
  round(kernel, copy);
  std::vector<double> copies, kernels, boths, submits;
  for (int r = 0; r < rounds; ++r) {
    Sample s = round(kernel, copy);
    copies.push_back(s.copy);
    kernels.push_back(s.kernel);
    boths.push_back(s.both);
    submits.push_back(s.submit);
  }
  double c = bench::median(copies), k = bench::median(kernels),
         b = bench::median(boths);
  std::printf("| %s | %d | %.2f | %.2f | %.2f | %.1f | %.2f | %.2f |\n", what,
              kernel.reps, c / 1e6, k / 1e6, b / 1e6,
              bench::median(submits) / 1e3, b / std::max(c, k),
              (c + k) / std::max(c, k));
}

} // namespace

int main(int argc, char **argv) {
  const std::size_t mib = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 64;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 15;
  const std::size_t n = mib * (1u << 20) / sizeof(float);
  dpex::device device = dpex::default_device();
  dpex::queue copyQueue(device), kernelQueue(device);
  Kernel kernel(kernelQueue);
  std::vector<float> host(n, 2.0f), back(n);
  dpex::array<float> data(copyQueue, n);
  std::printf("device: %s (%s, %s); %zu MiB copies, %d rounds, medians\n\n",
              device.name().c_str(), dpex::to_string(device.backend()),
              device.platform().c_str(), mib, rounds);
  std::printf("| copy | SGEMMs (n=%d) | copy ms | kernel ms | both ms | copy "
              "call µs | both / max | serial bound |\n",
              SgemmN);
  std::printf("|---|--:|--:|--:|--:|--:|--:|--:|\n");
  measure("copy_from_async", kernel, rounds,
          [&] { return data.copy_from_async(host); });
  measure("to_host_async", kernel, rounds,
          [&] { return data.to_host_async(back); });
  if (back != host) {
    std::fprintf(stderr, "copied data differ from the source\n");
    return 1;
  }
  return 0;
}
