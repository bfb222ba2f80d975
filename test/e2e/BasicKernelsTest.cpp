#include "basic_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <vector>

TEST_CASE("saxpy through a device_func chain matches the host", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 10007;
  std::vector<float> hx(n), hy(n);
  for (std::size_t i = 0; i < n; ++i) {
    hx[i] = float(i % 113) * 0.25f;
    hy[i] = float(i % 7) - 3.0f;
  }
  dpex::array<float> x(q, n), y(q, n);
  x.copy_from(hx);
  y.copy_from(hy);
  dpex::call_kernel(e2e::saxpy, dpex::range<1>(n), 1.5f, x, y);
  std::vector<float> out = y.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(out[i] == Approx(1.5f * hx[i] + hy[i]).epsilon(1e-6));
}

TEST_CASE("2-D item kernel: dimension 0 is the slowest-varying", "[e2e]") {
  dpex::queue q;
  const std::size_t rows = 37, cols = 53;
  dpex::array<int> out(q, rows * cols);
  dpex::call_kernel(e2e::index2d, dpex::range<2>(rows, cols), out);
  std::vector<int> h = out.to_host();
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t j = 0; j < cols; ++j)
      REQUIRE(h[i * cols + j] == int(i * 1000 + j));
}

TEST_CASE("3-D template kernel, both instantiations", "[e2e]") {
  dpex::queue q;
  const std::size_t d0 = 5, d1 = 6, d2 = 7, n = d0 * d1 * d2;
  dpex::array<float> f(q, n);
  dpex::array<long> l(q, n);
  dpex::call_kernel(e2e::index3d_float, dpex::range<3>(d0, d1, d2), f, 0.5f);
  dpex::call_kernel(e2e::index3d_long, dpex::range<3>(d0, d1, d2), l, 3L);
  std::vector<float> hf = f.to_host();
  std::vector<long> hl = l.to_host();
  for (std::size_t i = 0; i < d0; ++i)
    for (std::size_t j = 0; j < d1; ++j)
      for (std::size_t k = 0; k < d2; ++k) {
        std::size_t lin = (i * d1 + j) * d2 + k;
        long id = long(i * 10000 + j * 100 + k);
        REQUIRE(hf[lin] == Approx(0.5 * double(id)));
        REQUIRE(hl[lin] == 3 * id);
      }
}

TEST_CASE("nd_item kernel sees groups, local ids and the leader", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 512, local = 64;
  dpex::array<int> out(q, n);
  dpex::call_kernel(e2e::groups, dpex::nd_range<1>({n}, {local}), out);
  std::vector<int> h = out.to_host();
  for (std::size_t g = 0; g < n; ++g) {
    std::size_t l = g % local;
    REQUIRE(h[g] == int((g / local) * 10000 + l * 10 + (l == 0 ? 1 : 0)));
  }
}

TEST_CASE("an async chain of three dependent launches is ordered", "[e2e]") {
  dpex::queue q;
  const std::size_t n = 4096;
  std::vector<int> init(n);
  for (std::size_t i = 0; i < n; ++i)
    init[i] = int(i);
  dpex::array<int> data(q, n);
  data.copy_from(init);
  // ((x*2+1)*3+2)*5+3: any reordering changes the result.
  auto [h1, d1] = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n),
                                          {}, data, 2, 1);
  auto [h2, d2] = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n),
                                          {d1}, data, 3, 2);
  auto [h3, d3] = dpex::call_kernel_async(e2e::chain_step, dpex::range<1>(n),
                                          {d2}, data, 5, 3);
  h3.wait();
  std::vector<int> h = data.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(h[i] == ((int(i) * 2 + 1) * 3 + 2) * 5 + 3);
}

namespace {

// Runs `launch` on the first `n` elements of a larger allocation and checks
// every work-item of the range ran once, and nothing past it.
template <typename Launch>
void checkVisits(dpex::queue &q, std::size_t n, Launch launch) {
  const std::size_t guard = 4096;
  dpex::array<int> all(q, n + guard);
  all.copy_from(std::vector<int>(n + guard, 0));
  dpex::array<int> visits = all.slice(0, n);
  dpex::array<size_t> range(q, 3);
  launch(visits, range);
  std::vector<int> h = all.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(h[i] == 1);
  for (std::size_t i = n; i < n + guard; ++i)
    REQUIRE(h[i] == 0);
}

} // namespace

TEST_CASE("a prime range runs each work-item once and reports its own range",
          "[e2e][range]") {
  dpex::queue q;
  for (std::size_t n : {1ul, 7ul, 997ul, 1000003ul}) {
    checkVisits(
        q, n, [&](dpex::array<int> &visits, dpex::array<size_t> &range) {
          dpex::call_kernel(e2e::visit1d, dpex::range<1>(n), visits, range);
          REQUIRE(range.to_host()[0] == n);
        });
  }
}

TEST_CASE("odd 3-D ranges run each work-item once", "[e2e][range]") {
  dpex::queue q;
  const std::size_t shapes[][3] = {{3, 5, 7}, {1, 1, 4099}, {131, 3, 1}};
  for (const auto &e : shapes) {
    checkVisits(
        q, e[0] * e[1] * e[2],
        [&](dpex::array<int> &visits, dpex::array<size_t> &range) {
          auto [host, device] = dpex::call_kernel_async(
              e2e::visit3d, dpex::range<3>(e[0], e[1], e[2]), {}, visits,
              range);
          host.wait();
          REQUIRE(range.to_host() == std::vector<size_t>{e[0], e[1], e[2]});
        });
  }
}
