// European call and put prices under Black-Scholes, in double precision.
#include <dpex/kernel.hpp>

#include "black_scholes.hpp"

namespace demo {

// The standard normal CDF through erfc, accurate in both tails.
DPEX_DEVICE_FUNC double normal_cdf(double x) {
  return 0.5 * dpex::erfc(-x * 0.70710678118654752440);
}

DPEX_KERNEL void black_scholes(dpex::item<1> it, const double *spot,
                               const double *strike, const double *years,
                               Market market, double *call, double *put) {
  size_t i = it.get_id(0);
  double s = spot[i], k = strike[i], t = years[i];
  double vol_sqrt_t = market.volatility * dpex::sqrt(t);
  double d1 =
      (dpex::log(s / k) +
       (market.rate + 0.5 * market.volatility * market.volatility) * t) /
      vol_sqrt_t;
  double d2 = d1 - vol_sqrt_t;
  double discounted = k * dpex::exp(-market.rate * t);
  call[i] = s * normal_cdf(d1) - discounted * normal_cdf(d2);
  put[i] = discounted * normal_cdf(-d2) - s * normal_cdf(-d1);
}

} // namespace demo
