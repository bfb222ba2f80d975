#include "param_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <functional>
#include <string>
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

namespace {

// The host reference of e2e::bin_index.
std::vector<unsigned> binIndex(unsigned nbins, std::size_t n,
                               const std::vector<int> &in) {
  std::vector<unsigned> out(in.size());
  for (std::size_t i = 0; i < in.size(); ++i)
    out[i] = i < n ? unsigned(in[i]) % nbins : nbins;
  return out;
}

std::vector<int> binInput(std::size_t size) {
  std::vector<int> in(size);
  for (std::size_t i = 0; i < size; ++i)
    in[i] = int(i * 37 + 11);
  return in;
}

} // namespace

TEST_CASE("integer arguments convert to integer parameters of another type",
          "[e2e]") {
  dpex::queue q;
  const std::vector<int> hin = binInput(1000);
  dpex::array<int> in(q, hin.size());
  dpex::array<unsigned> out(q, hin.size());
  in.copy_from(hin);
  // The literal 256 (an int) for `unsigned nbins`, an int for `size_t n`.
  const int n = 900;
  dpex::call_kernel(e2e::bin_index, dpex::range<1>(hin.size()), 256, n, in,
                    out);
  REQUIRE(out.to_host() == binIndex(256, 900, hin));

  // A char, a bool and an unsigned short: integer types the parameters hold
  // every value of; and on an explicit queue, asynchronously.
  const char nbins = 7;
  auto [host, device] =
      dpex::call_kernel_async(q, e2e::bin_index, dpex::range<1>(hin.size()), {},
                              nbins, std::uint16_t{500}, in, out);
  host.wait();
  REQUIRE(out.to_host() == binIndex(7, 500, hin));
  dpex::call_kernel(q, e2e::bin_index, dpex::range<1>(hin.size()), true,
                    std::int64_t{1000}, in, out);
  REQUIRE(out.to_host() == binIndex(1, 1000, hin));
}

TEST_CASE("an integer outside its parameter's range launches nothing",
          "[e2e][error]") {
  dpex::queue q;
  const std::vector<int> hin = binInput(64);
  dpex::array<int> in(q, hin.size());
  dpex::array<unsigned> out(q, hin.size());
  in.copy_from(hin);
  const std::vector<unsigned> untouched(hin.size(), 12345u);
  const dpex::range<1> space(hin.size());
  const std::int64_t tooManyBins = std::int64_t{1} << 40;

  using Launch = std::function<void()>;
  struct Case {
    const char *call;
    Launch launch;
    const char *argument;
  };
  const std::vector<Case> cases{
      {"call_kernel(e2e::bin_index)",
       [&] { dpex::call_kernel(e2e::bin_index, space, 256, -1, in, out); },
       "argument 2 'n' (size_t): the value -1 is outside the parameter "
       "type's range [0, 18446744073709551615]"},
      {"call_kernel(e2e::bin_index)",
       [&] { dpex::call_kernel(q, e2e::bin_index, space, -1, 64, in, out); },
       "argument 1 'nbins' (unsigned int): the value -1 is outside the "
       "parameter type's range [0, 4294967295]"},
      {"call_kernel_async(e2e::bin_index)",
       [&] {
         dpex::call_kernel_async(e2e::bin_index, space, {}, tooManyBins, 64, in,
                                 out);
       },
       "argument 1 'nbins' (unsigned int): the value 1099511627776 is "
       "outside the parameter type's range [0, 4294967295]"},
      {"call_kernel_async(e2e::bin_index)",
       [&] {
         dpex::call_kernel_async(q, e2e::bin_index, space, {}, 256,
                                 std::int64_t{-5}, in, out);
       },
       "argument 2 'n' (size_t): the value -5 is outside the parameter "
       "type's range [0, 18446744073709551615]"},
  };
  for (const Case &c : cases) {
    out.copy_from(untouched);
    std::string message;
    try {
      c.launch();
      FAIL("the launch did not throw: " << c.argument);
    } catch (const dpex::error &e) {
      REQUIRE(e.code() == dpex::errc::invalid_argument);
      message = e.what();
    }
    CHECK_THAT(message, Catch::Matchers::Contains(c.call));
    CHECK_THAT(message, Catch::Matchers::Contains(c.argument));
    q.wait();
    REQUIRE(out.to_host() == untouched);
  }
}
