// Byte histogram with local-memory atomics, checked against a host count.
#include "histogram_kernels.dpex.hpp"

#include <chrono>
#include <cstdio>
#include <vector>

int main() {
  const std::size_t n = 1 << 24, local = 256, groups = 256;
  std::vector<unsigned char> h(n);
  unsigned x = 12345;
  for (std::size_t i = 0; i < n; ++i) {
    x = x * 1103515245u + 12345u;
    // Skewed, so a few bins are heavily contended.
    h[i] = (x >> 16) % 7 == 0 ? 42 : (unsigned char)(x >> 20);
  }

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<unsigned char> data(q, n);
  dpex::array<unsigned> hist(q, 256);
  data.copy_from(h);
  hist.copy_from(std::vector<unsigned>(256, 0));

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::histogram,
                    dpex::nd_range<1>({local * groups}, {local}), data,
                    (unsigned long)n, hist, dpex::local_memory<unsigned>(256));
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::vector<unsigned> expect(256, 0);
  for (unsigned char v : h)
    ++expect[v];
  std::vector<unsigned> got = hist.to_host();
  std::size_t bad = 0;
  for (std::size_t b = 0; b < 256; ++b)
    bad += got[b] != expect[b];
  std::printf("histogram of %zu bytes: %.3f ms (first launch, with program "
              "build), %s (%zu bins differ)\n",
              n, ms, bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
