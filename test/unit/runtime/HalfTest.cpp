// dpex::half's host conversions against a reference written from IEEE 754's
// definition of rounding to nearest, ties to even. Kernels run the same
// header's code, so these pin down the device's conversions too.
#include <dpex/half.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

namespace {

// The value of each non-negative half bit pattern 0 .. 0x7c00, by the
// definition (subnormals frac * 2^-24, normals (1024 + frac) * 2^(e - 25)),
// with 0x7c00 standing for 2^16: the value an unbounded exponent would
// give, so that overflow is rounding to it. Increasing with the bits.
const std::vector<double> &halfValues() {
  static const std::vector<double> Values = [] {
    std::vector<double> V(0x7c01);
    for (unsigned B = 0; B <= 0x7c00; ++B) {
      unsigned E = B >> 10, F = B & 0x3ff;
      V[B] = E == 0 ? std::ldexp(double(F), -24)
                    : std::ldexp(double(1024 + F), int(E) - 25);
    }
    return V;
  }();
  return Values;
}

// Rounds any double to half by searching the values above: the nearest,
// the even pattern on a tie (compared against the exact midpoint).
std::uint16_t referenceToHalf(double X) {
  std::uint16_t Sign = std::signbit(X) ? 0x8000 : 0;
  if (std::isnan(X))
    return 0x7e00;
  double A = std::fabs(X);
  const std::vector<double> &V = halfValues();
  if (A >= V.back())
    return Sign | 0x7c00;
  // The largest pattern whose value is at most A.
  auto Lo = unsigned(std::upper_bound(V.begin(), V.end(), A) - V.begin()) - 1;
  if (V[Lo] == A)
    return Sign | Lo;
  double Mid = (V[Lo] + V[Lo + 1]) / 2; // exact: one more bit
  unsigned R = A < Mid ? Lo : A > Mid ? Lo + 1 : (Lo % 2 == 0 ? Lo : Lo + 1);
  return std::uint16_t(Sign | R);
}

bool isHalfNaN(std::uint16_t B) { return (B & 0x7fff) > 0x7c00; }

std::uint16_t bitsOf(float F) { return dpex::half(F).bits(); }

float floatOfBits(std::uint32_t U) {
  float F;
  std::memcpy(&F, &U, 4);
  return F;
}

} // namespace

TEST_CASE("every half converts to float exactly and back",
          "[half][conversion]") {
  const std::vector<double> &V = halfValues();
  for (unsigned B = 0; B <= 0xffff; ++B) {
    dpex::half H = dpex::half::from_bits(std::uint16_t(B));
    float F = H;
    unsigned Mag = B & 0x7fff;
    if (Mag > 0x7c00) {
      // NaN: stays NaN, keeps its sign and payload, and is made quiet.
      REQUIRE(std::isnan(F));
      REQUIRE(std::signbit(F) == bool(B & 0x8000));
      REQUIRE(bitsOf(F) == (B | 0x0200));
      continue;
    }
    double Expected =
        Mag == 0x7c00 ? std::numeric_limits<double>::infinity() : V[Mag];
    REQUIRE(double(F) == ((B & 0x8000) ? -Expected : Expected));
    REQUIRE(std::signbit(F) == bool(B & 0x8000));
    REQUIRE(bitsOf(F) == B);
    REQUIRE(dpex::half(double(F)).bits() == B);
  }
}

TEST_CASE("float to half rounds to nearest even", "[half][conversion]") {
  const std::vector<double> &V = halfValues();
  auto Check = [](float F) {
    std::uint16_t Got = bitsOf(F), Want = referenceToHalf(F);
    if (std::isnan(F)) {
      REQUIRE(isHalfNaN(Got));
      return;
    }
    INFO("float " << F << " bits " << std::hex << Got << " want " << Want);
    REQUIRE(Got == Want);
  };
  // Every tie between neighbouring halves (exact in float), a float ulp
  // either side of it, and the neighbours themselves; both signs.
  for (unsigned B = 0; B < 0x7c00; ++B) {
    float Mid = float((V[B] + V[B + 1]) / 2);
    REQUIRE(double(Mid) == (V[B] + V[B + 1]) / 2);
    for (float F : {Mid, std::nextafter(Mid, 0.0f), std::nextafter(Mid, 1e9f),
                    float(V[B])})
      for (float S : {F, -F})
        Check(S);
  }
  // Overflow: 65504 is the largest half, 65520 the tie that goes to inf.
  REQUIRE(bitsOf(65504.0f) == 0x7bff);
  REQUIRE(bitsOf(65519.996f) == 0x7bff);
  REQUIRE(bitsOf(65520.0f) == 0x7c00);
  REQUIRE(bitsOf(-1e30f) == 0xfc00);
  // Subnormals and underflow: 2^-24 is the smallest, 2^-25 ties to zero.
  REQUIRE(bitsOf(0x1p-24f) == 0x0001);
  REQUIRE(bitsOf(0x1p-25f) == 0x0000);
  REQUIRE(bitsOf(std::nextafter(0x1p-25f, 1.0f)) == 0x0001);
  REQUIRE(bitsOf(-0x1p-26f) == 0x8000);
  REQUIRE(bitsOf(0x1.8p-24f) == 0x0002);
  REQUIRE(bitsOf(std::numeric_limits<float>::denorm_min()) == 0x0000);
  REQUIRE(bitsOf(-0.0f) == 0x8000);
  REQUIRE(bitsOf(std::numeric_limits<float>::infinity()) == 0x7c00);
  REQUIRE(isHalfNaN(bitsOf(std::numeric_limits<float>::quiet_NaN())));
  REQUIRE(isHalfNaN(bitsOf(std::numeric_limits<float>::signaling_NaN())));
  // Every float whose exponent lies around half's range, at a stride
  // prime to the fraction's width, and random bit patterns of all floats.
  for (std::uint32_t U = 0x32000000u; U < 0x48000000u; U += 97) {
    Check(floatOfBits(U));
    Check(floatOfBits(U | 0x80000000u));
  }
  std::mt19937 Rng(27);
  for (int I = 0; I < 2000000; ++I)
    Check(floatOfBits(std::uint32_t(Rng())));
}

TEST_CASE("double to half rounds once", "[half][conversion]") {
  const std::vector<double> &V = halfValues();
  // Just above a tie by less than a float ulp: rounding through float
  // would land on the tie and round to even, the wrong way half the time.
  for (unsigned B = 0; B < 0x7c00; ++B) {
    double Mid = (V[B] + V[B + 1]) / 2;
    for (double D : {Mid, std::nextafter(Mid, 0.0), std::nextafter(Mid, 1e9),
                     Mid + Mid * 0x1p-30, Mid - Mid * 0x1p-30}) {
      INFO("double " << D);
      REQUIRE(dpex::half(D).bits() == referenceToHalf(D));
      REQUIRE(dpex::half(-D).bits() == referenceToHalf(-D));
    }
  }
  REQUIRE(dpex::half(1e300).bits() == 0x7c00);
  REQUIRE(dpex::half(1e-300).bits() == 0x0000);
}

TEST_CASE("half arithmetic is the correctly rounded result",
          "[half][arithmetic]") {
  using dpex::half;
  std::mt19937 Rng(5);
  for (int I = 0; I < 200000; ++I) {
    half A = half::from_bits(std::uint16_t(Rng())),
         B = half::from_bits(std::uint16_t(Rng()));
    double X = float(A), Y = float(B);
    // The exact result rounded by the reference: + - * of halves are exact
    // in double, and rounding a quotient to double first is harmless
    // (53 >= 2 * 11 + 2 bits).
    auto Same = [](half Got, double Exact) {
      std::uint16_t W = referenceToHalf(Exact);
      if (isHalfNaN(W) || std::isnan(Exact))
        return isHalfNaN(Got.bits());
      return Got.bits() == W;
    };
    INFO(std::hex << A.bits() << " " << B.bits());
    REQUIRE(Same(A + B, X + Y));
    REQUIRE(Same(A - B, X - Y));
    REQUIRE(Same(A * B, X * Y));
    REQUIRE(Same(A / B, X / Y));
    REQUIRE((A < B) == (X < Y));
    REQUIRE((A == B) == (X == Y));
  }
  half H = 2.5f;
  REQUIRE(H + 1 == half(3.5f));
  REQUIRE(H * 2.0 == 5.0);
  STATIC_REQUIRE(std::is_same_v<decltype(H + 1), half>);
  STATIC_REQUIRE(std::is_same_v<decltype(H + 1.0f), float>);
  STATIC_REQUIRE(std::is_same_v<decltype(1.0 * H), double>);
  REQUIRE(int(half(-7.75f)) == -7);
  REQUIRE(half(70000).bits() == 0x7c00);
  REQUIRE((-half(0.0f)).bits() == 0x8000);
  REQUIRE(half(-0.0f) == half(0.0f));
}

TEST_CASE("numeric_limits<half> describes binary16", "[half]") {
  using L = std::numeric_limits<dpex::half>;
  const std::vector<double> &V = halfValues();
  // The largest finite value, the smallest normal and subnormal ones, and
  // the gap above 1, from the reference's values.
  REQUIRE(double(float(L::max())) == V[0x7bff]);
  REQUIRE(double(float(L::lowest())) == -V[0x7bff]);
  REQUIRE(double(float(L::min())) == std::ldexp(1.0, L::min_exponent - 1));
  REQUIRE(double(float(L::denorm_min())) == V[1]);
  REQUIRE(double(float(L::epsilon())) == V[0x3c01] - V[0x3c00]);
  REQUIRE(float(L::round_error()) == 0.5f);
  REQUIRE(std::ldexp(1.0, L::max_exponent - 1) * 2 == V[0x7c00]);
  REQUIRE(L::digits == 11);
  REQUIRE(std::isinf(float(L::infinity())));
  REQUIRE(isHalfNaN(L::quiet_NaN().bits()));
  REQUIRE((L::quiet_NaN().bits() & 0x0200) != 0);
  REQUIRE(isHalfNaN(L::signaling_NaN().bits()));
  REQUIRE((L::signaling_NaN().bits() & 0x0200) == 0);
}
