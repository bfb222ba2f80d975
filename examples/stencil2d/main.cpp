// 100 Jacobi steps of a 2-D stencil, ping-ponging two device arrays,
// checked against the same steps on the host.
#include "stencil_kernels.dpex.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

int main() {
  const std::size_t rows = 512, cols = 768, steps = 100;
  const float alpha = 0.2f;
  std::vector<float> h(rows * cols, 0.0f);
  for (std::size_t j = 0; j < cols; ++j)
    h[j] = 100.0f; // a hot top edge
  for (std::size_t i = rows / 3; i < rows / 2; ++i)
    for (std::size_t j = cols / 3; j < cols / 2; ++j)
      h[i * cols + j] = 50.0f;

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<float> a(q, rows * cols), b(q, rows * cols);
  a.copy_from(h);

  auto start = std::chrono::steady_clock::now();
  for (std::size_t s = 0; s < steps; ++s)
    dpex::call_kernel(demo::jacobi_step, dpex::range<2>(rows, cols),
                      s % 2 ? b : a, s % 2 ? a : b, alpha);
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  std::vector<float> got = (steps % 2 ? b : a).to_host();

  std::vector<float> cur = h, next(h.size());
  for (std::size_t s = 0; s < steps; ++s) {
    for (std::size_t i = 0; i < rows; ++i)
      for (std::size_t j = 0; j < cols; ++j) {
        std::size_t c = i * cols + j;
        if (i == 0 || j == 0 || i == rows - 1 || j == cols - 1) {
          next[c] = cur[c];
          continue;
        }
        float lap = cur[c - cols] + cur[c + cols] + cur[c - 1] + cur[c + 1] -
                    4.0f * cur[c];
        next[c] = cur[c] + alpha * lap;
      }
    cur.swap(next);
  }
  std::size_t bad = 0;
  for (std::size_t c = 0; c < cur.size(); ++c)
    if (std::fabs(got[c] - cur[c]) > 1e-4f * std::fabs(cur[c]) + 1e-4f)
      ++bad;
  std::printf("stencil %zux%zu, %zu steps: %.3f ms (first launch, with program "
              "build), %s (%zu mismatches)\n",
              rows, cols, steps, ms,
              bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
