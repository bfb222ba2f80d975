// The standard headers and functions docs/kernel-language.md lists as usable
// in kernels ("C++ you can use in kernels"), one kernel each: every image
// (SPIR-V, SPIR, PTX) builds without a diagnostic and the SPIR-V validates.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s --std=c++20 -o %t/ok --emit=spirv,spir,ptx --cuda-arch=sm_80 2> %t/stderr
// RUN: count 0 < %t/stderr
// RUN: spirv-val %t/ok.spv
#include <dpex/kernel.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <new>
#include <numeric>
#include <optional>
#include <span>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

DPEX_KERNEL void minmax_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  x[i] = std::min(x[i], 3) + std::max(x[i], 1) + std::clamp(x[i], 0, 9);
  int lim = n;
  auto mm = std::minmax(x[i], lim);
  x[i] += mm.first - mm.second + std::min({x[i], 3, n});
}

DPEX_KERNEL void search_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  int v[8];
  for (int k = 0; k < 8; k++)
    v[k] = k * 2;
  x[i] = int(std::lower_bound(v, v + 8, x[i]) - v) +
         int(std::upper_bound(v, v + 8, 3) - v) +
         std::binary_search(v, v + 8, 4) + int(std::find(v, v + 8, x[i]) - v) +
         int(std::count(v, v + 8, 2)) + int(std::max_element(v, v + 8) - v) +
         int(std::min_element(v, v + 8) - v);
}

DPEX_KERNEL void modify_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  int v[8], w[8];
  std::fill(v, v + 8, x[i]);
  std::reverse(v, v + 8);
  std::rotate(v, v + 2, v + 8);
  std::swap(v[0], v[1]);
  std::iter_swap(v + 2, v + 3);
  std::transform(v, v + 8, v, [](int a) { return a + 1; });
  std::copy(v, v + 8, w);
  std::nth_element(w, w + 3, w + 8);
  x[i] = w[3] + std::all_of(v, v + 8, [](int a) { return a > 0; });
}

DPEX_KERNEL void numeric_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  int v[8], w[8];
  std::iota(v, v + 8, x[i]);
  std::partial_sum(v, v + 8, w);
  x[i] = std::accumulate(v, v + 8, 0) + std::inner_product(v, v + 8, v, 0) +
         std::gcd(x[i], 12) + std::lcm(x[i] | 1, 4) + w[7];
}

DPEX_KERNEL void utility_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  std::pair<int, int> p = std::make_pair(x[i], 2);
  auto [a, b] = p;
  int c = std::exchange(a, b);
  std::swap(a, b);
  x[i] = a + b + c + std::move(p).first;
}

DPEX_KERNEL void tuple_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  int a, b;
  std::tie(a, b) = std::make_tuple(x[i], 2);
  auto t = std::make_tuple(a, b, 3);
  std::tuple<int, int, int> u;
  u = t;
  x[i] = std::get<2>(u) +
         std::apply([](int p, int q, int r) { return p + q + r; }, t);
}

DPEX_KERNEL void array_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  std::array<int, 4> v{1, 2, 3, 4};
  v[0] = x[i];
  int s = 0;
  for (int e : v)
    s += e;
  v.fill(s);
  x[i] = v.back() + int(v.size());
}

DPEX_KERNEL void optional_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  std::optional<int> o;
  if (x[i] > 0)
    o = x[i];
  o.emplace(o.value_or(5));
  x[i] = *o + o.has_value();
}

DPEX_KERNEL void placement_new_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  alignas(int) unsigned char storage[sizeof(int)];
  int *p = new (storage) int(x[i]);
  x[i] = *p + 1;
}

DPEX_KERNEL void traits_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  x[i] += std::numeric_limits<int>::max() - x[i] +
          (std::numeric_limits<float>::epsilon() > 0) + int(INT32_MAX > 0) +
          std::is_integral_v<int> +
          std::is_same_v<std::decay_t<const int &>, int> +
          std::conditional_t<true, int, float>(1);
}

DPEX_KERNEL void functional_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  x[i] = std::plus<int>()(x[i], 1) + std::less<>()(x[i], 2) +
         std::invoke([](int v) { return v; }, x[i]);
}

DPEX_KERNEL void bit_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  x[i] = std::popcount(unsigned(x[i])) + std::countl_zero(unsigned(x[i])) +
         int(std::bit_ceil(unsigned(n))) + std::bit_cast<int>(float(x[i]));
}

DPEX_KERNEL void cstring_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  int v[4];
  std::memset(v, 0, sizeof v);
  std::memcpy(v, x, sizeof(int));
  x[i] = v[0] + std::abs(x[i]) + int(std::labs(long(x[i])));
}

DPEX_KERNEL void views_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  std::string_view s("abc");
  std::span<int> sp(x, size_t(n));
  x[i] = int(s.size()) + s[1] + int(sp.size()) + sp[0];
}

// Computed in double precision on the device (docs/kernel-language.md).
DPEX_KERNEL void long_double_k(dpex::item<1> it, int *x, int n) {
  size_t i = it.get_id(0);
  long double v = x[i];
  v = v * 3.0L / 7.0L;
  x[i] = int(v) + int(sizeof(long double));
}
