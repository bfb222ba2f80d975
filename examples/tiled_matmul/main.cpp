// Tiled matrix multiply in local memory, checked against a host multiply.
#include "matmul_kernels.dpex.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  const unsigned n = 256, k = 300, m = 192, tile = 16;
  std::vector<float> ha(n * k), hb(k * m);
  for (std::size_t i = 0; i < ha.size(); ++i)
    ha[i] = float(int(i * 7 % 23) - 11) / 8.0f;
  for (std::size_t i = 0; i < hb.size(); ++i)
    hb[i] = float(int(i * 5 % 19) - 9) / 4.0f;

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<float> a(q, ha.size()), b(q, hb.size()), c(q, std::size_t(n) * m);
  a.copy_from(ha);
  b.copy_from(hb);

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::matmul_tiled, dpex::nd_range<2>({n, m}, {tile, tile}),
                    a, b, c, n, k, m, dpex::local_memory<float>(tile * tile),
                    dpex::local_memory<float>(tile * tile));
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::vector<float> hc = c.to_host();
  std::size_t bad = 0;
  for (unsigned i = 0; i < n; ++i)
    for (unsigned j = 0; j < m; ++j) {
      double expect = 0;
      for (unsigned p = 0; p < k; ++p)
        expect += double(ha[i * k + p]) * hb[p * m + j];
      if (std::fabs(hc[i * m + j] - expect) > 1e-4 * std::fabs(expect) + 1e-3)
        ++bad;
    }
  std::printf("matmul %ux%u * %ux%u (tile %u): %.3f ms (first launch, with "
              "program build), %s (%zu mismatches)\n",
              n, k, k, m, tile, ms,
              bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
