// Local memory, barriers, atomics and private_array on the default device.
#include "sync_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <numeric>
#include <type_traits>
#include <vector>

namespace {

// Enough work-items that unsynchronised read-modify-writes would lose
// updates: every one of them hits one of a few counters.
constexpr std::size_t contended_items = 1 << 18;

template <typename T> std::vector<T> fill(std::size_t n, T v) {
  return std::vector<T>(n, v);
}

} // namespace

TEST_CASE("group_barrier orders local memory within a work-group",
          "[e2e][sync]") {
  dpex::queue q;
  const std::size_t n = 1 << 16, local = 128;
  std::vector<int> h(n);
  std::iota(h.begin(), h.end(), 0);
  dpex::array<int> in(q, n), out(q, n);
  in.copy_from(h);
  dpex::call_kernel(e2e::reverse_groups, dpex::nd_range<1>({n}, {local}), in,
                    out, dpex::local_memory<int>(local));
  std::vector<int> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t g = i / local, l = i % local;
    REQUIRE(r[i] == int(g * local + (local - 1 - l)));
  }
}

TEST_CASE("tree reduction with barriers in a loop", "[e2e][sync]") {
  dpex::queue q;
  const std::size_t n = 1 << 16, local = 256, groups = n / local;
  std::vector<int> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = int(i % 1000) - 300;
  dpex::array<int> in(q, n), partial(q, groups);
  in.copy_from(h);
  dpex::call_kernel(e2e::block_sum, dpex::nd_range<1>({n}, {local}), in,
                    partial, dpex::local_memory<int>(local));
  std::vector<int> r = partial.to_host();
  for (std::size_t g = 0; g < groups; ++g)
    REQUIRE(r[g] == std::accumulate(h.begin() + g * local,
                                    h.begin() + (g + 1) * local, 0));
}

TEST_CASE("sum_tiles: local tile and a float atomic per group", "[e2e][sync]") {
  dpex::queue q;
  const std::size_t n = 1 << 16, local = 64;
  std::vector<float> h(n);
  // Multiples of 1/4 below 2^20 in total: every partial sum is exact, so the
  // result does not depend on the order of the atomic adds.
  for (std::size_t i = 0; i < n; ++i)
    h[i] = float(i % 17) * 0.25f;
  dpex::array<float> in(q, n), out(q, 1);
  in.copy_from(h);
  out.copy_from(fill<float>(1, 0.0f));
  dpex::call_kernel(e2e::sum_tiles, dpex::nd_range<1>({n}, {local}), in, out,
                    dpex::local_memory<float>(local));
  REQUIRE(out.to_host()[0] == std::accumulate(h.begin(), h.end(), 0.0f));
}

TEMPLATE_TEST_CASE("contended fetch_add loses no update", "[e2e][atomic]", int,
                   unsigned int, long, unsigned long, float, double) {
  dpex::queue q;
  const unsigned ncounters = 4;
  dpex::array<TestType> counters(q, ncounters);
  counters.copy_from(fill<TestType>(ncounters, TestType(0)));
  auto kernel = [] {
    if constexpr (std::is_same_v<TestType, int>)
      return e2e::count_add_int;
    else if constexpr (std::is_same_v<TestType, unsigned int>)
      return e2e::count_add_unsigned_int;
    else if constexpr (std::is_same_v<TestType, long>)
      return e2e::count_add_long;
    else if constexpr (std::is_same_v<TestType, unsigned long>)
      return e2e::count_add_unsigned_long;
    else if constexpr (std::is_same_v<TestType, float>)
      return e2e::count_add_float;
    else
      return e2e::count_add_double;
  }();
  dpex::call_kernel(kernel, dpex::range<1>(contended_items), counters,
                    ncounters);
  // 2^16 per counter: exact in float too.
  for (TestType c : counters.to_host())
    REQUIRE(c == TestType(contended_items / ncounters));
}

TEST_CASE("fetch_sub through -= and -- with acq_rel order", "[e2e][atomic]") {
  dpex::queue q;
  const std::size_t n = contended_items;
  {
    std::vector<int> h(n);
    for (std::size_t i = 0; i < n; ++i)
      h[i] = int(i % 7);
    dpex::array<int> in(q, n), c(q, 2);
    in.copy_from(h);
    c.copy_from(std::vector<int>{5, 0});
    dpex::call_kernel(e2e::count_sub_int, dpex::range<1>(n), in, c);
    std::vector<int> r = c.to_host();
    REQUIRE(r[0] == 5 - std::accumulate(h.begin(), h.end(), 0));
    REQUIRE(r[1] == -int(n));
  }
  {
    std::vector<unsigned long> h(n, 3);
    dpex::array<unsigned long> in(q, n), c(q, 2);
    in.copy_from(h);
    c.copy_from(std::vector<unsigned long>{1ul << 40, 0});
    dpex::call_kernel(e2e::count_sub_unsigned_long, dpex::range<1>(n), in, c);
    std::vector<unsigned long> r = c.to_host();
    REQUIRE(r[0] == (1ul << 40) - 3 * n);
    REQUIRE(r[1] == 0ul - n); // wraps, as unsigned arithmetic does
  }
  {
    std::vector<double> h(n, 0.5);
    dpex::array<double> in(q, n), c(q, 2);
    in.copy_from(h);
    c.copy_from(std::vector<double>{0.0, 0.0});
    dpex::call_kernel(e2e::count_sub_double, dpex::range<1>(n), in, c);
    std::vector<double> r = c.to_host();
    REQUIRE(r[0] == -0.5 * double(n)); // exact: halves summed below 2^53
    REQUIRE(r[1] == -double(n));
  }
}

TEMPLATE_TEST_CASE("fetch_min and fetch_max find the extremes", "[e2e][atomic]",
                   int, unsigned int, long, unsigned long, float, double) {
  dpex::queue q;
  const std::size_t n = contended_items;
  std::vector<TestType> h(n);
  for (std::size_t i = 0; i < n; ++i) {
    // A scrambled order, negative values where T has them, and 64-bit
    // magnitudes for the 64-bit types.
    long long v = (long long)((i * 2654435761u) % 1000003) - 500000;
    if (sizeof(TestType) == 8 && !std::is_floating_point_v<TestType>)
      v *= 1ll << 30;
    if (std::is_unsigned_v<TestType>)
      v += sizeof(TestType) == 8 ? 1ll << 60 : 500000;
    h[i] = std::is_floating_point_v<TestType> ? TestType(double(v) / 8)
                                              : TestType(v);
  }
  dpex::array<TestType> in(q, n), result(q, 2);
  in.copy_from(h);
  result.copy_from(
      std::vector<TestType>{std::numeric_limits<TestType>::max(),
                            std::numeric_limits<TestType>::lowest()});
  auto kernel = [] {
    if constexpr (std::is_same_v<TestType, int>)
      return e2e::min_max_int;
    else if constexpr (std::is_same_v<TestType, unsigned int>)
      return e2e::min_max_unsigned_int;
    else if constexpr (std::is_same_v<TestType, long>)
      return e2e::min_max_long;
    else if constexpr (std::is_same_v<TestType, unsigned long>)
      return e2e::min_max_unsigned_long;
    else if constexpr (std::is_same_v<TestType, float>)
      return e2e::min_max_float;
    else
      return e2e::min_max_double;
  }();
  dpex::call_kernel(kernel, dpex::range<1>(n), in, result);
  std::vector<TestType> r = result.to_host();
  REQUIRE(r[0] == *std::min_element(h.begin(), h.end()));
  REQUIRE(r[1] == *std::max_element(h.begin(), h.end()));
}

TEST_CASE("fetch_or, fetch_xor and fetch_and", "[e2e][atomic]") {
  dpex::queue q;
  const std::size_t n = contended_items + 5;
  {
    dpex::array<unsigned int> bits(q, 3);
    bits.copy_from(std::vector<unsigned int>{0u, 0u, ~0u});
    dpex::call_kernel(e2e::bitwise_unsigned_int, dpex::range<1>(n), bits);
    unsigned int x = 0;
    for (std::size_t i = 0; i < n; ++i)
      x ^= unsigned(i);
    std::vector<unsigned int> r = bits.to_host();
    REQUIRE(r[0] == ~0u);
    REQUIRE(r[1] == x);
    REQUIRE(r[2] == 0u);
  }
  {
    dpex::array<long> bits(q, 3);
    bits.copy_from(std::vector<long>{0, 0, -1});
    dpex::call_kernel(e2e::bitwise_long, dpex::range<1>(n), bits);
    long x = 0;
    for (std::size_t i = 0; i < n; ++i)
      x ^= long(i);
    std::vector<long> r = bits.to_host();
    REQUIRE(r[0] == -1);
    REQUIRE(r[1] == x);
    REQUIRE(r[2] == 0);
  }
}

TEST_CASE("compare_exchange_strong loops hand out unique tickets",
          "[e2e][atomic]") {
  dpex::queue q;
  const std::size_t n = 1 << 16;
  auto check = [&](auto kernel, auto zero) {
    using T = decltype(zero);
    dpex::array<T> counter(q, 1);
    counter.copy_from(std::vector<T>{zero});
    dpex::array<int> taken(q, n);
    taken.copy_from(fill<int>(n, 0));
    dpex::call_kernel(kernel, dpex::range<1>(n), counter, taken);
    REQUIRE(counter.to_host()[0] == T(n));
    std::vector<int> t = taken.to_host();
    REQUIRE(std::count(t.begin(), t.end(), 1) == std::ptrdiff_t(n));
  };
  check(e2e::cas_tickets_int, 0);
  check(e2e::cas_tickets_unsigned_long, 0ul);
  check(e2e::cas_tickets_float, 0.0f); // below 2^24: every count is exact
}

TEST_CASE("exchange returns each previous value exactly once",
          "[e2e][atomic]") {
  dpex::queue q;
  const std::size_t n = 1 << 16;
  auto check = [&](auto kernel, auto init) {
    using T = decltype(init);
    dpex::array<T> cell(q, 1), seen(q, n);
    cell.copy_from(std::vector<T>{init});
    dpex::call_kernel(kernel, dpex::range<1>(n), cell, seen);
    std::vector<T> all = seen.to_host();
    all.push_back(cell.to_host()[0]);
    std::sort(all.begin(), all.end());
    REQUIRE(all[0] == init);
    for (std::size_t i = 0; i < n; ++i)
      REQUIRE(all[i + 1] == T(i));
  };
  check(e2e::exchange_chain_int, -1);
  check(e2e::exchange_chain_double, -1.5);
}

TEST_CASE("atomic store and load with a fence and barrier", "[e2e][atomic]") {
  dpex::queue q;
  const std::size_t n = 1 << 12, local = 64;
  dpex::array<long> data(q, n), out(q, n);
  data.copy_from(fill<long>(n, -1));
  dpex::call_kernel(e2e::store_load, dpex::nd_range<1>({n}, {local}), data,
                    out);
  std::vector<long> r = out.to_host();
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t j = i / local * local + (i % local + 1) % local;
    REQUIRE(r[i] == long(j) * 3);
  }
}

TEST_CASE("local-space atomics build per-group histograms",
          "[e2e][atomic][sync]") {
  dpex::queue q;
  const std::size_t n = contended_items, local = 256;
  const unsigned nbins = 10;
  std::vector<unsigned> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = unsigned((i * 7919) % 10007);
  dpex::array<unsigned> in(q, n), hist(q, nbins);
  in.copy_from(h);
  hist.copy_from(fill<unsigned>(nbins, 0u));
  dpex::call_kernel(e2e::local_histogram, dpex::nd_range<1>({n}, {local}), in,
                    hist, nbins, dpex::local_memory<unsigned>(nbins));
  std::vector<unsigned> expect(nbins, 0);
  for (unsigned v : h)
    ++expect[v % nbins];
  REQUIRE(hist.to_host() == expect);
}

TEST_CASE("generic-space atomics on local and global memory",
          "[e2e][atomic][sync]") {
  dpex::queue q;
  const std::size_t n = 1 << 16, local = 128;
  const unsigned nbins = 61;
  std::vector<unsigned> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = unsigned((i * 2654435761u) >> 7);
  dpex::array<unsigned> in(q, n);
  dpex::array<int> hist(q, nbins);
  in.copy_from(h);
  hist.copy_from(std::vector<int>(nbins, 0));
  dpex::call_kernel(e2e::generic_histogram, dpex::nd_range<1>({n}, {local}), in,
                    hist, nbins, dpex::local_memory<int>(nbins));
  std::vector<int> expect(nbins, 0);
  for (unsigned v : h)
    ++expect[v % nbins];
  REQUIRE(hist.to_host() == expect);
}

TEST_CASE("generic-space atomics on a pointer chosen at run time",
          "[e2e][atomic][sync]") {
  // Only a device that takes the SPIR-V can run this kernel; on the others
  // its launch names the kernel and why the image it loaded lacks it.
  dpex::queue q;
  bool takesSpirv = q.get_device().platform() == "Intel(R) OpenCL";
  const std::size_t n = 4096, local = 64;
  for (int useLocal : {0, 1}) {
    INFO("use_local = " << useLocal);
    dpex::array<int> count(q, 1);
    count.copy_from(std::vector<int>{0});
    try {
      dpex::call_kernel(e2e::generic_either, dpex::nd_range<1>({n}, {local}),
                        count, useLocal, dpex::local_memory<int>(1));
    } catch (const dpex::error &e) {
      INFO(e.what());
      REQUIRE_FALSE(takesSpirv);
      REQUIRE(e.code() == dpex::errc::unsupported_image);
      REQUIRE_THAT(e.what(), Catch::Matchers::Contains("e2e::generic_either"));
      REQUIRE_THAT(e.what(), Catch::Matchers::Contains("on a generic pointer"));
      continue;
    }
    REQUIRE(count.to_host() == std::vector<int>{int(n)});
  }
}

TEST_CASE("float min, max and add on local memory", "[e2e][atomic][sync]") {
  dpex::queue q;
  const std::size_t n = 1 << 16, local = 128, groups = n / local;
  std::vector<float> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = float(int((i * 2654435761u) % 2001) - 1000) * 0.125f;
  dpex::array<float> in(q, n), out(q, 3 * groups);
  in.copy_from(h);
  dpex::call_kernel(e2e::local_float_minmax, dpex::nd_range<1>({n}, {local}),
                    in, out, dpex::local_memory<float>(3));
  std::vector<float> r = out.to_host();
  for (std::size_t g = 0; g < groups; ++g) {
    auto first = h.begin() + g * local, last = first + local;
    REQUIRE(r[3 * g] == *std::min_element(first, last));
    REQUIRE(r[3 * g + 1] == *std::max_element(first, last));
    // Multiples of 1/8 with small sums: exact in any order.
    REQUIRE(r[3 * g + 2] == std::accumulate(first, last, 0.0f));
  }
}

TEMPLATE_TEST_CASE("float and double histograms under contention",
                   "[e2e][atomic][sync]", float, double) {
  dpex::queue q;
  const std::size_t n = contended_items, local = 256, groups = n / local;
  const unsigned nbins = 8;
  std::vector<unsigned> bin(n);
  std::vector<TestType> weight(n);
  for (std::size_t i = 0; i < n; ++i) {
    bin[i] = unsigned((i * 2654435761u) >> 13) % nbins;
    // Quarters up to 2: every partial sum below 2^19 is exact in float, so
    // the sums do not depend on the order of the atomic adds.
    weight[i] = TestType((i * 40503u) % 9) * TestType(0.25);
  }
  std::vector<TestType> bins(nbins, 0), group_bins(groups * nbins, 0);
  TestType total = 0;
  for (std::size_t i = 0; i < n; ++i) {
    bins[bin[i]] += weight[i];
    group_bins[i / local * nbins + bin[i]] += weight[i];
    total -= weight[i];
  }
  dpex::array<unsigned> d_bin(q, n);
  dpex::array<TestType> d_weight(q, n), d_bins(q, nbins), d_total(q, 1),
      d_group_bins(q, groups * nbins);
  d_bin.copy_from(bin);
  d_weight.copy_from(weight);
  d_bins.copy_from(fill<TestType>(nbins, TestType(0)));
  d_total.copy_from(fill<TestType>(1, TestType(0)));
  auto kernel = [] {
    if constexpr (std::is_same_v<TestType, float>)
      return e2e::weighted_histogram_float;
    else
      return e2e::weighted_histogram_double;
  }();
  dpex::call_kernel(kernel, dpex::nd_range<1>({n}, {local}), d_bin, d_weight,
                    d_bins, d_total, d_group_bins, nbins,
                    dpex::local_memory<TestType>(nbins));
  REQUIRE(d_bins.to_host() == bins);
  REQUIRE(d_total.to_host()[0] == total);
  REQUIRE(d_group_bins.to_host() == group_bins);
}

TEST_CASE("private_array holds per-item scratch", "[e2e][private_array]") {
  dpex::queue q;
  const std::size_t items = 4096, n = items * 8;
  std::vector<float> h(n);
  for (std::size_t i = 0; i < n; ++i)
    h[i] = float((i * 37) % 101) - 50.0f;
  dpex::array<float> in(q, n), out(q, n);
  in.copy_from(h);
  dpex::call_kernel(e2e::sort8, dpex::range<1>(items), in, out);
  std::vector<float> expect = h;
  for (std::size_t i = 0; i < items; ++i)
    std::sort(expect.begin() + i * 8, expect.begin() + (i + 1) * 8);
  REQUIRE(out.to_host() == expect);
}
