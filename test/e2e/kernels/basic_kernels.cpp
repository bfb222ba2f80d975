#include <dpex/kernel.hpp>

namespace e2e {

DPEX_DEVICE_FUNC float twice(float v) { return 2.0f * v; }
DPEX_DEVICE_FUNC float axpy1(float a, float x, float y) {
  return twice(a * x) * 0.5f + y;
}

DPEX_KERNEL void saxpy(dpex::item<1> it, float a, const float *x, float *y) {
  size_t i = it.get_id(0);
  y[i] = axpy1(a, x[i], y[i]);
}

// out[i][j] = i * 1000 + j over a range<2>(rows, cols).
DPEX_KERNEL void index2d(dpex::item<2> it, int *out) {
  out[it.get_linear_id()] = int(it.get_id(0) * 1000 + it.get_id(1));
}

template <typename T>
DPEX_KERNEL void index3d(dpex::item<3> it, T *out, T scale) {
  out[it.get_linear_id()] =
      scale * T(it.get_id(0) * 10000 + it.get_id(1) * 100 + it.get_id(2));
}
template void index3d<float>(dpex::item<3>, float *, float);
template void index3d<long>(dpex::item<3>, long *, long);

// Each work-item records (group, local id, local range) of its nd_range.
DPEX_KERNEL void groups(dpex::nd_item<1> it, int *out) {
  size_t g = it.get_global_id(0);
  out[g] = int(it.get_group().get_group_id(0) * 10000 +
               it.get_local_id(0) * 10 + (it.get_group().leader() ? 1 : 0));
}

DPEX_KERNEL void chain_step(dpex::item<1> it, int *data, int mul, int add) {
  size_t i = it.get_id(0);
  data[i] = data[i] * mul + add;
}

// Each work-item counts its visit at its linear id, and the first records
// the range it sees: a grid rounded up past the range must stay invisible.
DPEX_KERNEL void visit1d(dpex::item<1> it, int *visits, size_t *range) {
  visits[it.get_linear_id()] += 1;
  if (it.get_linear_id() == 0)
    range[0] = it.get_range(0);
}

DPEX_KERNEL void visit3d(dpex::item<3> it, int *visits, size_t *range) {
  visits[it.get_linear_id()] += 1;
  if (it.get_linear_id() == 0)
    for (int d = 0; d < 3; ++d)
      range[d] = it.get_range(d);
}

} // namespace e2e
