// Standard-library code that kernels may use: std::tie, std::tuple
// assignment, std::swap of a std::pair (whose noexcept specifiers name
// function pointers), std::partial_sort and the heap functions (whose
// return types name templates in decltype), placement new and
// std::optional::emplace (which constructs with placement new). Every image
// (SPIR-V, SPIR, PTX) builds without a diagnostic and the SPIR-V validates.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/ok --emit=spirv,spir,ptx --cuda-arch=sm_80 2> %t/stderr
// RUN: count 0 < %t/stderr
// RUN: spirv-val %t/ok.spv
#include <dpex/kernel.hpp>

#include <algorithm>
#include <functional>
#include <new>
#include <optional>
#include <tuple>
#include <utility>

DPEX_KERNEL void tuples(dpex::item<1> it, int *x) {
  size_t i = it.get_id(0);
  int a, b;
  std::tie(a, b) = std::make_tuple(x[i], x[i] + 1);
  std::tuple<int, int> t(a, b), u(b, a);
  t = u;
  std::pair<int, int> p(a, b), q(b, a);
  std::swap(p, q);
  x[i] = p.first * 10 + std::get<1>(t);
}

// In place, in global memory (e2e.stdlib sorts private copies).
DPEX_KERNEL void sorting(dpex::item<1> it, float *x, int n, int m) {
  float *v = x + it.get_id(0) * n;
  std::partial_sort(v, v + m, v + n, std::greater<float>());
}

DPEX_KERNEL void heaps(dpex::item<1> it, int *x, int n) {
  int *v = x + it.get_id(0) * n;
  std::make_heap(v, v + n - 1);
  std::push_heap(v, v + n);
  std::pop_heap(v, v + n);
  std::sort_heap(v, v + n - 1);
}

struct Point {
  int x, y;
  Point(int x, int y) : x(x), y(y) {}
};

DPEX_KERNEL void construct(dpex::item<1> it, int *x) {
  size_t i = it.get_id(0);
  alignas(Point) unsigned char storage[sizeof(Point)];
  Point *p = new (storage) Point(x[i], 2);
  std::optional<Point> o;
  o.emplace(3, x[i]);
  x[i] = p->x + p->y + o->x + o->y;
}
