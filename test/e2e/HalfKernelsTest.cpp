// dpex::half kernels against the host running the same half code
// (kernels/include/e2e_half.hpp).
#include "half_kernels.dpex.hpp"

#include "e2e_half.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace {

using dpex::half;

bool isNaN(half h) { return (h.bits() & 0x7fff) > 0x7c00; }

// Equal bit patterns, or both NaN (a NaN's sign and payload are the
// device's).
bool sameHalf(half got, half want) {
  return isNaN(want) ? isNaN(got) : got.bits() == want.bits();
}

half finiteHalf(std::mt19937 &rng) {
  for (;;) {
    half h = half::from_bits(std::uint16_t(rng()));
    if ((h.bits() & 0x7c00) != 0x7c00)
      return h;
  }
}

} // namespace

TEST_CASE("half arithmetic in a kernel matches the host", "[half]") {
  constexpr std::size_t n = 8192;
  std::mt19937 rng(2027);
  std::vector<half> a(n), b(n), c(n);
  const half special[] = {half(0.0f),
                          half(-0.0f),
                          half::from_bits(0x7c00),
                          half::from_bits(0xfc00),
                          half::from_bits(0x7e00),
                          half::from_bits(0x0001),
                          half(65504.0f)};
  for (std::size_t i = 0; i < n; ++i) {
    a[i] = finiteHalf(rng);
    b[i] = i % 16 < 7 ? special[i % 16] : half::from_bits(std::uint16_t(rng()));
    // Some exact ties: a == b, and values near a's for cancellation.
    if (i % 31 == 0)
      b[i] = a[i];
    c[i] = finiteHalf(rng);
  }
  const half s = 1.5f;

  dpex::queue q;
  dpex::array<half> da(q, n), db(q, n), dc(q, n),
      out(q, n * e2e::half_op_count);
  dpex::array<int> ints(q, n);
  dpex::array<float> floats(q, n);
  da.copy_from(a);
  db.copy_from(b);
  dc.copy_from(c);
  dpex::call_kernel(e2e::half_arith, dpex::range<1>(n), da, db, dc, s, out,
                    ints, floats);
  std::vector<half> got = out.to_host();
  std::vector<int> gotInts = ints.to_host();
  std::vector<float> gotFloats = floats.to_host();

  std::size_t mismatches = 0;
  for (std::size_t i = 0; i < n; ++i) {
    half want[e2e::half_op_count];
    e2e::half_ops(a[i], b[i], c[i], s, want);
    for (int k = 0; k < e2e::half_op_count; ++k) {
      half g = got[i * e2e::half_op_count + k];
      if (!sameHalf(g, want[k]) && ++mismatches <= 10)
        UNSCOPED_INFO("op " << k << " of " << std::hex << a[i].bits() << " "
                            << b[i].bits() << " " << c[i].bits() << ": got "
                            << g.bits() << " want " << want[k].bits());
    }
    // Converting an infinite or out-of-range value to int is undefined in
    // C++ (x86 gives INT_MIN, PTX saturates): those products are left out.
    const float product = float(a[i] * s);
    const bool inRange = product > -2147483648.0f && product < 2147483648.0f;
    if (inRange && gotInts[i] != int(a[i] * s) && ++mismatches <= 10)
      UNSCOPED_INFO("int of " << std::hex << a[i].bits());
    if (gotFloats[i] != a[i] + 0.25f && ++mismatches <= 10)
      UNSCOPED_INFO("float of " << std::hex << a[i].bits());
  }
  CHECK(mismatches == 0);
}

// sqrt and exp run as the device's float functions (OpenCL allows 3 and 4
// ulp of float); rounded to half, that can move a result that lies within
// a few float ulp of a half tie by one half ulp, and by no more.
TEST_CASE("half math through float matches the host", "[half]") {
  constexpr std::size_t n = 65536;
  std::vector<half> x(n);
  for (std::size_t i = 0; i < n; ++i)
    x[i] = half::from_bits(std::uint16_t(i));

  dpex::queue q;
  dpex::array<half> dx(q, n), out(q, 2 * n);
  dx.copy_from(x);
  dpex::call_kernel(e2e::half_math, dpex::range<1>(n), dx, out);
  std::vector<half> got = out.to_host();

  std::size_t mismatches = 0, inexact = 0;
  for (std::size_t i = 0; i < n; ++i) {
    half v = x[i];
    float mag = v < 0 ? -v : v;
    half want[2] = {half(std::sqrt(mag)), half(std::exp(float(v / 8)))};
    if (std::isnan(float(v)) || std::isinf(float(v)))
      want[1] = half(-1.0f);
    for (int k = 0; k < 2; ++k) {
      half g = got[2 * i + k];
      if (sameHalf(g, want[k]))
        continue;
      ++inexact;
      bool neighbour = !isNaN(want[k]) && !isNaN(g) &&
                       std::abs(int(g.bits()) - int(want[k].bits())) == 1 &&
                       (g.bits() & 0x8000) == (want[k].bits() & 0x8000);
      if (!neighbour && ++mismatches <= 10)
        UNSCOPED_INFO((k ? "exp" : "sqrt")
                      << " of " << std::hex << v.bits() << ": got " << g.bits()
                      << " want " << want[k].bits());
    }
  }
  CHECK(mismatches == 0);
  INFO(inexact << " results one half ulp from the host's");
  // Nearly every value is exact; a device far from that is wrong.
  CHECK(inexact < n / 100);
}
