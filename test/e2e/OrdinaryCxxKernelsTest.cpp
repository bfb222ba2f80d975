// Kernels of ordinary C++ whose optimised IR needs the device pipeline's
// legalisation for SPIR-V (freeze, odd-width integers, repeated phi
// predecessors, local arrays of inlined callees), each against the host
// running the same functions (kernels/include/ordinary_cxx.hpp).
#include "ordinary_cxx_kernels.dpex.hpp"

#include "ordinary_cxx.hpp"

#include <catch2/catch.hpp>

#include <climits>
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
