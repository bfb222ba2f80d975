// Standard-library code that kernels may use, shared by the kernel source
// and the host test, which runs the same functions for its reference.
#pragma once

#include <algorithm>
#include <functional>
#include <new>
#include <optional>
#include <tuple>
#include <utility>

namespace e2e_stdlib {

// The longest segment a work item sorts in its private memory.
constexpr int MaxSegment = 16;

// std::tie, std::tuple assignment and std::swap of a std::pair.
inline int tuples(int a0) {
  int a, b;
  std::tie(a, b) = std::make_tuple(a0, 3 * a0 + 1);
  std::tuple<int, int> t(a, b), u(b - a, a + 2);
  t = u;
  std::pair<int, int> p(a, b), q(std::get<0>(t), std::get<1>(t));
  std::swap(p, q);
  return p.first * 100000 + p.second * 100 + q.first - q.second;
}

// The m largest of v[0, n), in descending order, at the front.
inline void top(float *v, int n, int m) {
  std::partial_sort(v, v + m, v + n, std::greater<float>());
}

// A heap of the first n - 1, the last pushed, the largest popped to the end,
// then the first n - 1 sorted: every heap function once.
inline void heaps(int *v, int n) {
  std::make_heap(v, v + n - 1);
  std::push_heap(v, v + n);
  std::pop_heap(v, v + n);
  std::sort_heap(v, v + n - 1);
}

struct Point {
  int x, y;
  Point(int x, int y) : x(x), y(y) {}
};

// Placement new into local storage, and std::optional::emplace.
inline int construct(int a) {
  alignas(Point) unsigned char storage[sizeof(Point)];
  Point *p = new (storage) Point(a, 2 * a + 1);
  std::optional<Point> o;
  int was_empty = !o.has_value();
  o.emplace(p->y, a - 7);
  return was_empty * 1000000 + p->x * 1000 + o->x * 10 + o->y;
}

} // namespace e2e_stdlib
