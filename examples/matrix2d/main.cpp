// A 2-D kernel: c = a + s * transpose(b), checked against the host.
#include "matrix2d_kernels.dpex.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  const std::size_t rows = 600, cols = 900;
  const float s = 0.25f;
  std::vector<float> ha(rows * cols), hb(cols * rows);
  for (std::size_t k = 0; k < ha.size(); ++k) {
    ha[k] = static_cast<float>(k % 97);
    hb[k] = static_cast<float>(k % 89) - 40.0f;
  }

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<float> a(q, ha.size()), b(q, hb.size()), c(q, rows * cols);
  a.copy_from(ha);
  b.copy_from(hb);

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::add_transposed, dpex::range<2>(rows, cols), a, b, c,
                    s);
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::vector<float> out = c.to_host();
  std::size_t bad = 0;
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j)
      if (std::fabs(out[i * cols + j] -
                    (ha[i * cols + j] + s * hb[j * rows + i])) > 1e-4f)
        ++bad;
  std::printf("matrix2d: %zux%zu in %.3f ms, %s (%zu mismatches)\n", rows, cols,
              ms, bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
