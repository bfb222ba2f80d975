#include "e2e_stdlib.hpp"
#include "stdlib_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <vector>

using namespace e2e_stdlib;

namespace {
// Distinct values in a scrambled order (a multiplicative walk mod a prime).
std::vector<int> scrambled(std::size_t n) {
  std::vector<int> v(n);
  for (std::size_t i = 0; i < n; ++i)
    v[i] = int((i * 7919 + 13) % 10007) - 5000;
  return v;
}
} // namespace

TEST_CASE("std::tie, tuple assignment and swap of a pair", "[e2e][stdlib]") {
  dpex::queue q;
  const std::size_t n = 500;
  std::vector<int> hin = scrambled(n);
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(hin);
  dpex::call_kernel(tuples_kernel, dpex::range<1>(n), in, out);
  std::vector<int> h = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(h[i] == tuples(hin[i]));
}

TEST_CASE("std::partial_sort with std::greater, private and in place",
          "[e2e][stdlib]") {
  dpex::queue q;
  const std::size_t items = 64;
  for (int n : {2, 9, MaxSegment}) {
    for (int m : {1, n / 2, n}) {
      std::vector<int> ints = scrambled(items * n);
      std::vector<float> hdata(ints.begin(), ints.end());
      dpex::array<float> data(q, hdata.size());
      data.copy_from(hdata);
      dpex::array<float> in_place(q, hdata.size());
      in_place.copy_from(hdata);
      dpex::call_kernel(top_kernel, dpex::range<1>(items), data, n, m);
      dpex::call_kernel(top_in_place_kernel, dpex::range<1>(items), in_place, n,
                        m);
      std::vector<float> h = data.to_host();
      for (std::size_t i = 0; i < items; ++i)
        top(hdata.data() + i * n, n, m);
      REQUIRE(h == hdata);
      REQUIRE(in_place.to_host() == hdata);
    }
  }
}

TEST_CASE("std::make_heap, push_heap, pop_heap and sort_heap, private and "
          "in place",
          "[e2e][stdlib]") {
  dpex::queue q;
  const std::size_t items = 64;
  for (int n : {2, 5, MaxSegment}) {
    std::vector<int> hdata = scrambled(items * n);
    dpex::array<int> data(q, hdata.size());
    data.copy_from(hdata);
    dpex::array<int> in_place(q, hdata.size());
    in_place.copy_from(hdata);
    dpex::call_kernel(heaps_kernel, dpex::range<1>(items), data, n);
    dpex::call_kernel(heaps_in_place_kernel, dpex::range<1>(items), in_place,
                      n);
    std::vector<int> h = data.to_host();
    for (std::size_t i = 0; i < items; ++i)
      heaps(hdata.data() + i * n, n);
    REQUIRE(h == hdata);
    REQUIRE(in_place.to_host() == hdata);
  }
}

TEST_CASE("placement new and std::optional::emplace", "[e2e][stdlib]") {
  dpex::queue q;
  const std::size_t n = 300;
  std::vector<int> hin(n);
  for (std::size_t i = 0; i < n; ++i)
    hin[i] = int(i) - 150;
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(hin);
  dpex::call_kernel(construct_kernel, dpex::range<1>(n), in, out);
  std::vector<int> h = out.to_host();
  for (std::size_t i = 0; i < n; ++i)
    REQUIRE(h[i] == construct(hin[i]));
}
