// The simulated CUDA driver (test/sim/cuda) with the PTX images dpexc
// embeds: their modules load, their .entry declarations give the launch
// parameters (those of a rounded_range kernel included), and a launch runs
// the registered host stand-in. Run with the simulation on
// LD_LIBRARY_PATH (sim.cuda.dpexc_images).
#include "dpexsim.h"
#include "fault_kernels_a.dpex.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace {

// fault_a::saxpy as its PTX entry takes it: a, x, y, then the launch range
// (the grid may be rounded up past it).
void saxpy(const dpexsim_launch *launch) {
  if (launch->num_params != 4) {
    std::fprintf(stderr, "saxpy: %u parameters\n", launch->num_params);
    return;
  }
  float a;
  const float *x;
  float *y;
  std::uint64_t range;
  std::memcpy(&a, launch->params[0], sizeof(a));
  std::memcpy(&x, launch->params[1], sizeof(x));
  std::memcpy(&y, launch->params[2], sizeof(y));
  std::memcpy(&range, launch->params[3], sizeof(range));
  std::uint64_t threads = std::uint64_t(launch->grid[0]) * launch->block[0];
  for (std::uint64_t i = 0; i < threads && i < range; ++i)
    y[i] = a * x[i] + y[i];
}

} // namespace

int main() {
  std::vector<dpex::device> gpus;
  for (const dpex::device &d : dpex::devices())
    if (d.backend() == dpex::backend::cuda)
      gpus.push_back(d);
  void *driver = dlopen("libcuda.so.1", RTLD_NOW | RTLD_NOLOAD);
  auto reg = driver ? reinterpret_cast<decltype(&dpexsim_register_kernel)>(
                          dlsym(driver, "dpexsim_register_kernel"))
                    : nullptr;
  if (gpus.empty() || !reg) {
    std::fprintf(stderr, "the simulated libcuda.so.1 is not loaded\n");
    return 1;
  }
  reg(fault_a::saxpy.desc().entry, saxpy);
  constexpr std::size_t N = 1000; // not a multiple of the block size
  dpex::queue q(gpus.front());
  std::vector<float> x(N), y(N, 1.0f);
  for (std::size_t i = 0; i < N; ++i)
    x[i] = static_cast<float>(i);
  dpex::array<float> ax(q, N), ay(q, N);
  ax.copy_from(x);
  ay.copy_from(y);
  dpex::call_kernel(q, fault_a::saxpy, dpex::range<1>(N), 2.0f, ax, ay);
  dpex::call_kernel_async(q, fault_a::saxpy, dpex::range<1>(N), {}, 1.0f, ax,
                          ay)
      .first.wait();
  std::vector<float> out = ay.to_host();
  for (std::size_t i = 0; i < N; ++i)
    if (out[i] != 1.0f + 3.0f * x[i]) {
      std::fprintf(stderr, "wrong result at %zu: %g\n", i, out[i]);
      return 1;
    }
  std::printf("dpexc's PTX image of fault_a::saxpy ran on '%s' (simulated)\n",
              gpus.front().name().c_str());
  return 0;
}
