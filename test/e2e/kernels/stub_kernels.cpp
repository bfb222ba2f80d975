// Kernels whose handles exercise the generated stub: templates named as
// their instantiations, overloads of one name, structs of this file passed
// by value or through pointers (the stub re-declares them), enums of the
// source and of a header, character template arguments.
#include <dpex/kernel.hpp>

#include "stub_shared_kernels.hpp"
#include "stub_types.hpp"

#include <cstddef>

namespace tpl {

template <typename T>
DPEX_KERNEL void axpy(dpex::item<1> it, T a, const T *x, T *y) {
  std::size_t i = it.get_id(0);
  y[i] = a * x[i] + y[i];
}
template void axpy<float>(dpex::item<1>, float, const float *, float *);
template void axpy<double>(dpex::item<1>, double, const double *, double *);

template <typename T, int K> DPEX_KERNEL void add_k(dpex::item<1> it, T *x) {
  x[it.get_id(0)] += T(K);
}
template void add_k<int, 3>(dpex::item<1>, int *);
template void add_k<int, -2>(dpex::item<1>, int *);
template void add_k<float, 3>(dpex::item<1>, float *);

// Overloads: one name, different parameters.
DPEX_KERNEL void fill(dpex::item<1> it, float *x, float v) {
  x[it.get_id(0)] = v;
}
DPEX_KERNEL void fill(dpex::item<1> it, int *x, int v) {
  x[it.get_id(0)] = v + 1;
}

// Defined here, not in a header: nested, aligned, with an array and
// bit-fields.
struct vec3 {
  float x, y, z;
};
struct alignas(16) transform {
  vec3 offset;
  double scale;
  signed char weights[3];
  unsigned negate : 1;
  unsigned shift : 4;
};

DPEX_KERNEL void apply(dpex::item<1> it, transform t, const float *in,
                       float *out) {
  std::size_t i = it.get_id(0);
  float w = t.weights[i % 3];
  float v = float(in[i] * t.scale) + t.offset.x * w + t.offset.y - t.offset.z;
  v = v + float(t.shift);
  out[i] = t.negate ? -v : v;
}

// Character template arguments that need escaping in a string literal.
template <char C> DPEX_KERNEL void put(dpex::item<1> it, char *out) {
  out[it.get_id(0)] = C;
}
template void put<'"'>(dpex::item<1>, char *);
template void put<'\\'>(dpex::item<1>, char *);
template void put<'\n'>(dpex::item<1>, char *);
template void put<'a'>(dpex::item<1>, char *);

// Enums pass as their underlying type; `sign` is re-declared by the stub,
// shared::channel comes from its header.
enum class sign : signed char { minus = -1, plus = 1 };
DPEX_KERNEL void signed_channel(dpex::item<1> it, sign s, shared::channel c,
                                int *out) {
  out[it.get_id(0)] = static_cast<int>(s) * (100 + c) + int(it.get_id(0));
}

// An enum of this file as a template parameter.
enum class op : short { add, mul };
template <op O> DPEX_KERNEL void combine(dpex::item<1> it, int *x, int v) {
  std::size_t i = it.get_id(0);
  x[i] = O == op::add ? x[i] + v : x[i] * v;
}
template void combine<op::add>(dpex::item<1>, int *, int);
template void combine<op::mul>(dpex::item<1>, int *, int);

// A pointer to a struct of this file.
struct particle {
  float pos;
  int steps;
};
DPEX_KERNEL void advance(dpex::item<1> it, particle *p, float dt) {
  particle &q = p[it.get_id(0)];
  q.pos += dt * float(q.steps);
  q.steps += 1;
}

} // namespace tpl

namespace shared {
template void twice<int>(dpex::item<1>, int *);
} // namespace shared
