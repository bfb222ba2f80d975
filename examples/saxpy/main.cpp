// y = a*x + y on the default device, synchronously and as an async chain.
#include "saxpy_kernels.dpex.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  const std::size_t n = 1 << 20;
  const float a = 2.0f;
  std::vector<float> hx(n), hy(n);
  for (std::size_t i = 0; i < n; ++i) {
    hx[i] = static_cast<float>(i % 1000) * 0.5f;
    hy[i] = 1.0f;
  }

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<float> x(q, n), y(q, n);
  x.copy_from(hx);
  y.copy_from(hy);

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::saxpy, dpex::range<1>(n), a, x, y);
  // Two more launches, each depending on the previous one.
  auto [h1, d1] =
      dpex::call_kernel_async(demo::saxpy, dpex::range<1>(n), {}, a, x, y);
  auto [h2, d2] =
      dpex::call_kernel_async(demo::saxpy, dpex::range<1>(n), {d1}, a, x, y);
  d2.wait();
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::vector<float> out = y.to_host();
  std::size_t bad = 0;
  for (std::size_t i = 0; i < n; ++i) {
    float expect = hy[i] + 3.0f * a * hx[i];
    if (std::fabs(out[i] - expect) > 1e-5f * std::fabs(expect) + 1e-6f)
      ++bad;
  }
  std::printf("saxpy: n=%zu, 3 launches in %.3f ms, %s (%zu mismatches)\n", n,
              ms, bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
