// Kernels whose callees come from a linked device library.
#include "devlib_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("a kernel calls a device_func defined only in a device library",
          "[e2e][devlib]") {
  dpex::queue q;
  const std::size_t n = 1000;
  std::vector<float> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = float(i) / float(n) - 0.5f;
  dpex::array<float> in(q, n), out(q, n);
  in.copy_from(h);
  dpex::call_kernel(e2e::apply_poly, dpex::range<1>(n), in, out);
  std::vector<float> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    float x = h[i];
    REQUIRE(r[i] == Approx(1.0f + 2.0f * x + 3.0f * x * x + 4.0f * x * x * x)
                        .epsilon(1e-6));
  }
}

TEST_CASE("a second library function, integer arguments", "[e2e][devlib]") {
  dpex::queue q;
  const std::size_t n = 257;
  std::vector<int> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = int(i * 3 + 1);
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(h);
  dpex::call_kernel(e2e::shift_clamped, dpex::range<1>(n), in, out);
  std::vector<int> r = out.to_host();
  REQUIRE(r[0] == h[0]);
  for (std::size_t i = 1; i < n; ++i)
    REQUIRE(r[i] == h[i - 1]);
}
