// Kernels of ordinary C++ whose optimised IR needs the device pipeline's
// legalisation for SPIR-V (freeze, odd-width integers, repeated phi
// predecessors, local arrays of inlined callees), each against the host
// running the same functions (kernels/include/ordinary_cxx.hpp).
#include "ordinary_cxx_kernels.dpex.hpp"

#include "ordinary_cxx.hpp"
#include "ported_cxx.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <vector>

namespace ord = e2e::ordinary;

namespace {

// Negative and positive values, and the extremes.
std::vector<int> signedInputs(std::size_t n) {
  std::vector<int> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = int(i * 2654435761u % 20001) - 10000;
  v[0] = INT_MIN;
  v[1] = INT_MAX;
  v[2] = -1;
  v[3] = 0;
  return v;
}

std::vector<int>
runIntKernel(const dpex::kernel<void(dpex::item<1>, const int *, int *)> &k,
             const std::vector<int> &hin) {
  dpex::queue q;
  dpex::array<int> in(q, hin.size()), out(q, hin.size());
  in.copy_from(hin);
  dpex::call_kernel(k, dpex::range<1>(hin.size()), in, out);
  return out.to_host();
}

} // namespace

TEST_CASE("x / 7 + x % 7 (a freeze in the optimised IR)", "[e2e][ordinary]") {
  std::vector<int> in = signedInputs(4096);
  std::vector<int> out = runIntKernel(e2e::div_rem, in);
  for (std::size_t i = 0; i < in.size(); ++i)
    REQUIRE(out[i] == ord::divRem(in[i]));
}

TEST_CASE("idx % w and idx / w of a 2-D stencil (a freeze of w)",
          "[e2e][ordinary]") {
  dpex::queue q;
  const int w = 37, h = 23, rows = h + 3;
  std::vector<float> hin(std::size_t(w) * h);
  for (std::size_t i = 0; i < hin.size(); ++i)
    hin[i] = float(i) * 0.5f - 100.0f;
  dpex::array<float> in(q, hin.size()), out(q, std::size_t(rows) * w);
  in.copy_from(hin);
  dpex::call_kernel(e2e::grid_cells, dpex::range<2>(rows, w), out, in, w, h);
  std::vector<float> got = out.to_host();
  std::vector<float> want(got.size());
  for (int idx = 0; idx < rows * w; ++idx)
    ord::gridCell(idx, w, h, hin.data(), want.data());
  for (std::size_t i = 0; i < got.size(); ++i)
    REQUIRE(got[i] == want[i]);
}

TEST_CASE("switches on the low 3 and 7 bits (i3 and i7 switches)",
          "[e2e][ordinary]") {
  std::vector<int> in = signedInputs(4096);
  for (int v = -300; v < 300; ++v)
    in[std::size_t(v + 1000)] = v;
  std::vector<int> out = runIntKernel(e2e::low_bits_switch, in);
  for (std::size_t i = 0; i < in.size(); ++i)
    REQUIRE(out[i] == ord::lowBits(in[i]) + ord::lowSevenBits(in[i]));
}

TEST_CASE("switches that become lookup tables (an i4 switch)",
          "[e2e][ordinary]") {
  std::vector<int> in = signedInputs(4096);
  for (int v = -40; v < 40; ++v)
    in[std::size_t(v + 100)] = v;
  std::vector<int> out = runIntKernel(e2e::switch_tables, in);
  for (std::size_t i = 0; i < in.size(); ++i)
    REQUIRE(out[i] == ord::switchTables(in[i]));
}

TEST_CASE("a switch over a 4-bit enum class bit-field (an i4 switch)",
          "[e2e][ordinary]") {
  dpex::queue q;
  const std::size_t n = 4096;
  std::vector<unsigned char> hcode(n);
  std::vector<int> hin(n);
  for (std::size_t i = 0; i < n; ++i) {
    // Every operation and the codes 9..15 that no case names, in the low
    // four bits; a register number in the high four.
    hcode[i] = (unsigned char)(i % 256);
    hin[i] = int(i * 7919 % 10000);
  }
  dpex::array<unsigned char> code(q, n);
  dpex::array<int> in(q, n), out(q, n);
  code.copy_from(hcode);
  in.copy_from(hin);
  dpex::call_kernel(e2e::bitfield_enum_switch, dpex::range<1>(n), code, in,
                    out);
  std::vector<int> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(got[i] == ord::execute(ord::decode(&hcode[i]), hin[i], int(i)));
}

TEST_CASE("s == 5 || s == 9 chains (a phi with repeated predecessors)",
          "[e2e][ordinary]") {
  std::vector<int> in(4096);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = int(i % 20) - 3;
  std::vector<int> out = runIntKernel(e2e::or_chains, in);
  for (std::size_t i = 0; i < in.size(); ++i)
    REQUIRE(out[i] == ord::orChainSelect(in[i]) * 10 + ord::orChainBool(in[i]));
}

TEST_CASE("a local array of a function called in a loop", "[e2e][ordinary]") {
  std::vector<int> in(2048);
  for (std::size_t i = 0; i < in.size(); ++i)
    in[i] = int(i % 100) - 20;
  std::vector<int> out = runIntKernel(e2e::local_array_in_loop, in);
  for (std::size_t i = 0; i < in.size(); ++i)
    REQUIRE(out[i] == ord::localArrayLoop(in[i]));
}

TEST_CASE("three-byte structs copied and permuted", "[e2e][ordinary]") {
  dpex::queue q;
  const std::size_t n = 3000;
  std::vector<unsigned char> hin(3 * n);
  for (std::size_t i = 0; i < hin.size(); ++i)
    hin[i] = (unsigned char)(i * 7 + i / 5);
  dpex::array<unsigned char> in(q, hin.size()), out(q, hin.size());
  in.copy_from(hin);
  dpex::call_kernel(e2e::rotate_bytes, dpex::range<1>(n), in, out);
  std::vector<unsigned char> got = out.to_host();
  std::vector<unsigned char> want(hin.size());
  for (std::size_t i = 0; i < n; ++i)
    ord::rotate(&hin[3 * i], &want[3 * i]);
  REQUIRE(got == want);
}

namespace por = e2e::ported;

TEST_CASE("code as ported from CUDA or SYCL: algorithms, limits, lambdas, "
          "structs by value, std::array, enum switches, pairs and tuples",
          "[e2e][ordinary]") {
  dpex::queue q;
  constexpr std::size_t n = 2048, results = 8;
  std::vector<int> a = signedInputs(n);
  std::vector<float> b(n);
  std::vector<long long> c(n);
  for (std::size_t i = 0; i < n; ++i) {
    b[i] = float(int(i * 7919 % 4001) - 2000) * 0.37f;
    c[i] = (long long)(i * 2654435761u) * ((i % 3) ? 99991 : -7);
  }
  b[5] = -0.0f;
  b[6] = 1e30f;
  por::Params p;
  p.scale = -5;
  p.bias = 1.25f;
  p.shift = 3;
  dpex::array<int> da(q, n);
  dpex::array<float> db(q, n);
  dpex::array<long long> dc(q, n);
  dpex::array<double> out(q, results * n);
  da.copy_from(a);
  db.copy_from(b);
  dc.copy_from(c);
  dpex::call_kernel(e2e::ported_scalars, dpex::range<1>(n), da, db, dc, p, out);
  std::vector<double> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    const double want[results] = {
        por::mixedMinMax(a[i], b[i], c[i]),
        double(por::limits(a[i])),
        double(por::lambdas(a[i])),
        double(por::byValue(p, a[i]) + por::byValue(por::Params{}, a[i])),
        double(por::arrays(a[i])),
        por::apply(por::Op(i % 5), a[i], a[(i + 1) % n]) +
            double(por::expectSwap(a[i], int(i))),
        double(por::pun(b[i])),
        por::returns(a[i])};
    for (std::size_t r = 0; r < results; ++r) {
      INFO("result " << r << " at " << i << ": device " << got[r * n + i]
                     << ", host " << want[r]);
      // Float sums may be contracted differently; the rest is exact.
      if (r == 0 || r == 3 || r == 7)
        REQUIRE(std::abs(got[r * n + i] - want[r]) <=
                1e-6 * std::max(1.0, std::abs(want[r])));
      else
        REQUIRE(got[r * n + i] == want[r]);
    }
  }
}

TEST_CASE("integer division and remainder by run-time values of every width",
          "[e2e][ordinary]") {
  dpex::queue q;
  const std::vector<long long> special = {
      0,       1,        -1,        2,         -2,        7,           -7,
      127,     -128,     255,       32767,     -32768,    65535,       INT_MAX,
      INT_MIN, UINT_MAX, LLONG_MAX, LLONG_MIN, 1LL << 32, -(1LL << 40)};
  std::vector<long long> a, b;
  for (long long x : special)
    for (long long y : special) {
      a.push_back(x);
      b.push_back(y);
    }
  for (std::size_t i = 0; i < 2048; ++i) {
    std::uint64_t h = (i + 1) * 0x9E3779B97F4A7C15ull;
    a.push_back((long long)h);
    b.push_back((long long)(h >> (i % 61)) * ((i % 2) ? 1 : -1));
  }
  const std::size_t n = a.size();
  constexpr std::size_t w = por::integer_widths;
  dpex::array<long long> da(q, n), db(q, n), out(q, w * n);
  da.copy_from(a);
  db.copy_from(b);
  dpex::call_kernel(e2e::ported_div_rem, dpex::range<1>(n), da, db, out);
  std::vector<long long> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    long long want[w];
    por::divRemAllWidths(a[i], b[i], want);
    for (std::size_t k = 0; k < w; ++k) {
      INFO("width " << k << ": " << a[i] << ", " << b[i]);
      REQUIRE(got[w * i + k] == want[k]);
    }
  }
}

TEST_CASE("float <-> integer conversions at their edges", "[e2e][ordinary]") {
  dpex::queue q;
  const std::vector<float> f = {
      0.5f,  -0.5f,  -0.0f,   2147483520.0f, -2147483648.0f, 1e10f, 16777217.0f,
      3.99f, -3.99f, -1e-30f, 1e-30f,        -2147483904.0f};
  const std::vector<double> d = {
      4294967295.9, 0.0,          -0.0,    1e300,  9007199254740993.0,
      -0.999,       4294967296.0, -9.1e18, 9.1e18, 123456.789,
      -1.5,         2.5};
  const std::vector<long long> l = {LLONG_MAX,
                                    LLONG_MIN,
                                    (1LL << 53) + 1,
                                    -1,
                                    (1LL << 24) + 1,
                                    -(1LL << 24) - 1,
                                    0x7fffffbfffffffffLL,
                                    (1LL << 62) + (1LL << 38) + 1,
                                    0,
                                    1,
                                    -((1LL << 53) + 3),
                                    (long long)0xffffff7fffffffffULL};
  const std::size_t n = f.size();
  constexpr std::size_t k = por::conversion_count;
  dpex::array<float> df(q, n);
  dpex::array<double> dd(q, n), out(q, k * n);
  dpex::array<long long> dl(q, n);
  df.copy_from(f);
  dd.copy_from(d);
  dl.copy_from(l);
  dpex::call_kernel(e2e::ported_conversions, dpex::range<1>(n), df, dd, dl,
                    out);
  std::vector<double> got = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    double want[k];
    por::conversions(f[i], d[i], l[i], want);
    for (std::size_t j = 0; j < k; ++j) {
      INFO("conversion " << j << " of " << f[i] << ", " << d[i] << ", "
                         << l[i]);
      REQUIRE(got[k * i + j] == want[j]);
    }
  }
}
