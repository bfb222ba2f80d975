#include "offset.dpex.hpp"
#include "scale.dpex.hpp"

#include <cstdio>
#include <vector>

int main() {
  dpex::queue q;
  const std::size_t n = 1000;
  std::vector<int> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = int(i);
  dpex::array<int> x(q, n);
  x.copy_from(h);
  dpex::call_kernel(consumer::scale, dpex::range<1>(n), x);
  dpex::call_kernel(consumer::offset, dpex::range<1>(n), x);
  std::vector<int> out = x.to_host();
  for (std::size_t i = 0; i < n; ++i)
    if (out[i] != int(i) * 3 + 11) {
      std::printf("consumer: mismatch at %zu: %d\n", i, out[i]);
      return 1;
    }
  std::printf("consumer: verified %zu elements on %s\n", n,
              q.get_device().name().c_str());
  return 0;
}
