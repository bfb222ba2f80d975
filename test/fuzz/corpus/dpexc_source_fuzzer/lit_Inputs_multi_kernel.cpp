#include <dpex/kernel.hpp>

namespace demo {
DPEX_DEVICE_FUNC float mul(float a, float x) { return a * x; }
DPEX_DEVICE_FUNC float axpy1(float a, float x, float y) { return mul(a, x) + y; }

DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float* x, float* y) {
  size_t i = it.get_id(0);
  y[i] = axpy1(a, x[i], y[i]);
}

DPEX_KERNEL void add2d(dpex::item<2> it, const int* a, int* b, bool twice) {
  size_t i = it.get_linear_id();
  b[i] = a[i] * (twice ? 2 : 1) + (int)it.get_id(0);
}

template <typename T>
DPEX_KERNEL void scale(dpex::item<3> it, T* x, T s) { x[it.get_linear_id()] *= s; }
template void scale<float>(dpex::item<3>, float*, float);
template void scale<double>(dpex::item<3>, double*, double);

DPEX_KERNEL void nd(dpex::nd_item<1> it, int* out) {
  out[it.get_global_id(0)] = (int)(it.get_group().get_group_id(0) * 1000 + it.get_local_id(0));
}
}
