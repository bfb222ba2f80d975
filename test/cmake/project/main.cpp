// Runs each kernel of the project on the default device (DPEX_DEVICE) and
// checks it against the same expressions computed here.
#include "a/k.dpex.hpp"
#include "b/k.dpex.hpp"
#include "c/twice.dpex.hpp"
#include "twice.dpex.hpp" // the same header, by its file name

#include "params.hpp"
#include "poly_impl.hpp"
#include "scale.hpp"

#include <cstdio>
#include <vector>

namespace {
int check(const char *kernel, const std::vector<int> &got,
          const std::vector<int> &want) {
  for (std::size_t i = 0; i < want.size(); ++i)
    if (got[i] != want[i]) {
      std::printf("%s: element %zu is %d, expected %d\n", kernel, i, got[i],
                  want[i]);
      return 1;
    }
  std::printf("%s: %zu elements match the host\n", kernel, want.size());
  return 0;
}
} // namespace

int main() {
  dpex::queue q;
  const std::size_t n = 257;
  std::vector<int> hx(n);
  for (std::size_t i = 0; i < n; ++i)
    hx[i] = int(i) - 100;
  dpex::array<int> x(q, n), y(q, n);
  x.copy_from(hx);
  int failures = 0;

  std::vector<int> want(n);
  dpex::call_kernel(a::k, dpex::range<1>(n), x, y);
  for (std::size_t i = 0; i < n; ++i)
    want[i] = poly_impl(hx[i]) * SCALE + TARGET_MUL * DIR_OFFSET +
              EXPECT_ORDER + EXPECT_GLOBAL_BIAS;
  failures += check("a::k", y.to_host(), want);

  Params p{-3, 11};
  dpex::call_kernel(b::k, dpex::range<1>(n), p, x, y);
  for (std::size_t i = 0; i < n; ++i)
    want[i] = (hx[i] * p.mul + p.add) * SCALE - TARGET_MUL - DIR_OFFSET;
  failures += check("b::k", y.to_host(), want);

  std::vector<int> before = y.to_host();
  dpex::call_kernel(c::twice, dpex::range<1>(n), y);
  for (std::size_t i = 0; i < n; ++i)
    want[i] = 2 * poly_impl(before[i]) + DIR_OFFSET;
  failures += check("c::twice", y.to_host(), want);

  std::printf("dpex_cmake_test on %s: %s\n", q.get_device().name().c_str(),
              failures ? "FAILED" : "passed");
  return failures ? 1 : 0;
}
