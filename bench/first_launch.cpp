// First launch on a CUDA GPU: the time from a ready context to the end of
// the first kernel of a module, which includes loading the module (and the
// driver's JIT, for PTX). One measurement per process, since a process loads
// a module once; bench/run-gpu.sh runs it repeatedly, cold
// (CUDA_CACHE_DISABLE=1) and warm (the driver's JIT cache filled).
//
//   dpex_first_launch_ptx | dpex_first_launch_sass
//       the bench module through dpex (built with PTX only, or with SASS)
//   dpex_first_launch_ptx --module <file.ptx|file.cubin>
//       nvcc's twin module through the driver API
//
// Prints the milliseconds and what was loaded.
#include "bench_kernels.dpex.hpp"
#include "raw_cuda.hpp"

#include <dpex/runtime.hpp>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start)
      .count();
}

double dpexFirstLaunch() {
  dpex::queue q;
  // The context exists once memory does; only the module and launch remain.
  dpex::array<float> warm(q, 1);
  auto start = Clock::now();
  dpex::call_kernel(q, bench::empty, dpex::range<1>(1));
  double ms = msSince(start);

  // The image that was loaded computes, too: a triad against the host's.
  const std::size_t n = 1000;
  std::vector<float> hb(n), hc(n);
  for (std::size_t i = 0; i < n; ++i) {
    hb[i] = float(i);
    hc[i] = 0.5f * float(n - i);
  }
  dpex::array<float> b(q, n), c(q, n), a(q, n);
  b.copy_from(hb);
  c.copy_from(hc);
  dpex::call_kernel(q, bench::triad, dpex::range<1>(n), 3.0f, b, c, a);
  std::vector<float> ha = a.to_host();
  for (std::size_t i = 0; i < n; ++i)
    if (ha[i] != hb[i] + 3.0f * hc[i])
      throw std::runtime_error("triad differs from the host at " +
                               std::to_string(i));
  return ms;
}

double rawFirstLaunch(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw std::runtime_error("cannot read " + path);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::string image = bytes.str(); // c_str(): PTX must end in a NUL
  bench::RawCuda cu(dpex::queue().get_device().name());
  auto start = Clock::now();
  bench::CUmodule module = nullptr;
  cu.check(cu.api().cuModuleLoadData(&module, image.c_str()),
           "cuModuleLoadData");
  bench::CUfunction f = cu.function(module, "empty");
  cu.check(cu.api().cuLaunchKernel(f, 1, 1, 1, 1, 1, 1, 0, cu.stream(), nullptr,
                                   nullptr),
           "cuLaunchKernel");
  cu.check(cu.api().cuStreamSynchronize(cu.stream()), "cuStreamSynchronize");
  return msSince(start);
}

} // namespace

int main(int argc, char **argv) try {
  if (argc == 3 && std::strcmp(argv[1], "--module") == 0) {
    std::printf("%.3f\n", rawFirstLaunch(argv[2]));
    return 0;
  }
  if (argc != 1) {
    std::fprintf(stderr, "usage: %s [--module <file.ptx|file.cubin>]\n",
                 argv[0]);
    return 2;
  }
  std::printf("%.3f\n", dpexFirstLaunch());
  return 0;
} catch (const std::exception &e) {
  std::fprintf(stderr, "%s: %s\n", argv[0], e.what());
  return 1;
}
