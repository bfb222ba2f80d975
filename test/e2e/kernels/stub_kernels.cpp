// Kernels whose handles exercise the generated stub: templates named as
// their instantiations, overloads of one name, structs of this file passed
// by value (the stub re-declares them).
#include <dpex/kernel.hpp>

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

} // namespace tpl
