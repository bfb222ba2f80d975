// Shared by the kernel and the host: passed to the kernel by value.
#pragma once

namespace demo {
struct Market {
  double rate;       // risk-free rate, per year
  double volatility; // per sqrt(year)
};
} // namespace demo
