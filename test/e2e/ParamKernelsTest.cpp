#include "param_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("a trivially copyable struct passed by value", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 1000;
  std::vector<float> hin(n);
  for (std::size_t i = 0; i < n; ++i)
    hin[i] = float(i) - 500.0f;
  dpex::array<float> in(q, n), out(q, n);
  in.copy_from(hin);
  e2e::Affine f{0.5f, 10.0f, 1};
  dpex::call_kernel(e2e::affine, dpex::range<1>(n), f, in, out);
  std::vector<float> h = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    float v = 0.5f * hin[i] + 10.0f;
    REQUIRE(h[i] == Approx(v < 0 ? 0.0f : v));
  }
}

TEST_CASE("bool parameters are lowered to 8-bit integers", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 333;
  std::vector<int> ha(n, 7), hb(n, -7);
  dpex::array<int> a(q, n), b(q, n), out(q, n);
  a.copy_from(ha);
  b.copy_from(hb);
  for (bool first : {true, false}) {
    dpex::call_kernel(e2e::select_flag, dpex::range<1>(n), first, a, b, out);
    std::vector<int> h = out.to_host();
    for (std::size_t i = 0; i < n; ++i)
      REQUIRE(h[i] == (first ? 7 : -7));
  }
}

TEST_CASE("scalars of every width arrive intact", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 64;
  dpex::array<long long> out(q, n);
  const long long big = 1LL << 40;
  dpex::call_kernel(e2e::mixed_scalars, dpex::range<1>(n), char(-3),
                    short(-300), 4000000000u, big, 2.75, out);
  std::vector<long long> h = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(h[i] == (long long)i - 3 - 300 + 4000000000LL + big + 2);
}
