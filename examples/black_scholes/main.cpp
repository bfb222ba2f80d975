// Black-Scholes option pricing, checked against the same formula on the host.
#include "black_scholes_kernels.dpex.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

namespace {
double normalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
} // namespace

int main() {
  const std::size_t n = 1 << 20;
  const demo::Market market{0.02, 0.3};
  std::vector<double> spot(n), strike(n), years(n);
  for (std::size_t i = 0; i < n; ++i) {
    spot[i] = 10.0 + double(i % 991) * 0.1;
    strike[i] = 10.0 + double(i * 7 % 997) * 0.1;
    years[i] = 0.25 + double(i % 37) * 0.125;
  }

  dpex::queue q;
  std::printf("device: %s (%s)\n", q.get_device().name().c_str(),
              dpex::to_string(q.get_device().backend()));
  dpex::array<double> s(q, n), k(q, n), t(q, n), call(q, n), put(q, n);
  s.copy_from(spot);
  k.copy_from(strike);
  t.copy_from(years);

  auto start = std::chrono::steady_clock::now();
  dpex::call_kernel(demo::black_scholes, dpex::range<1>(n), s, k, t, market,
                    call, put);
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();

  std::vector<double> hc = call.to_host(), hp = put.to_host();
  std::size_t bad = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double vst = market.volatility * std::sqrt(years[i]);
    double d1 = (std::log(spot[i] / strike[i]) +
                 (market.rate + 0.5 * market.volatility * market.volatility) *
                     years[i]) /
                vst;
    double d2 = d1 - vst;
    double disc = strike[i] * std::exp(-market.rate * years[i]);
    double c = spot[i] * normalCdf(d1) - disc * normalCdf(d2);
    double p = disc * normalCdf(-d2) - spot[i] * normalCdf(-d1);
    if (std::fabs(hc[i] - c) > 1e-9 * (1 + std::fabs(c)) ||
        std::fabs(hp[i] - p) > 1e-9 * (1 + std::fabs(p)))
      ++bad;
  }
  std::printf("black-scholes, %zu options: %.3f ms (first launch, with program "
              "build), %s (%zu mismatches)\n",
              n, ms, bad ? "FAILED" : "verified against host reference", bad);
  return bad ? 1 : 0;
}
