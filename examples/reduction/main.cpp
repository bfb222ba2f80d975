// Work-group reduction with a global atomic, checked against the host sum.
#include "reduction_kernels.dpex.hpp"

#include <chrono>
#include <cstdio>
#include <numeric>
#include <vector>

int main() {
  const std::size_t n = 10'000'019, local = 256, groups = 512;
  std::vector<long> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = long(i % 1009) - 500;

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<long> in(q, n), result(q, 1);
  in.copy_from(h);
  result.copy_from(std::vector<long>{0});

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::reduce_sum,
                    dpex::nd_range<1>({local * groups}, {local}), in,
                    (unsigned long)n, result, dpex::local_memory<long>(local));
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  long got = result.to_host()[0];
  long expect = std::accumulate(h.begin(), h.end(), 0L);
  bool ok = got == expect;
  std::printf("reduction of %zu longs: %ld in %.3f ms (first launch, with "
              "program build), %s\n",
              n, got, ms, ok ? "verified against host reference" : "FAILED");
  return ok ? 0 : 1;
}
