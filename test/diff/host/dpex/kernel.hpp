// The host side of <dpex/kernel.hpp> for the differential tests: just what a
// generated program uses (item<1>, the kernel markers and the math
// functions), so that the program's own source text, compiled by the host
// compiler, gives the reference results the devices are compared with.
#pragma once

#include <cmath>
#include <stddef.h>
#include <stdint.h>

#define DPEX_KERNEL
#define DPEX_DEVICE_FUNC

namespace dpex {

template <int Dims> class item {
  static_assert(Dims == 1, "generated programs use 1-dimensional items");

public:
  item(size_t id, size_t range) : id_(id), range_(range) {}
  size_t get_id(int) const { return id_; }
  size_t operator[](int) const { return id_; }
  size_t get_range(int) const { return range_; }
  size_t get_linear_id() const { return id_; }

private:
  size_t id_;
  size_t range_;
};

using std::ceil;
using std::cos;
using std::exp;
using std::fabs;
using std::floor;
using std::fma;
using std::log;
using std::sin;
using std::sqrt;
using std::tanh;
using std::trunc;

} // namespace dpex
