#include <dpex/kernel.hpp>

// Each work-item reads four neighbouring floats of a local accessor, at a
// 16-byte aligned position.
DPEX_KERNEL void quad_sum(dpex::nd_item<1> it, const float *in, float *out,
                          dpex::local_accessor<float> tile) {
  size_t l = it.get_local_id(0);
  size_t g = it.get_global_id(0);
  for (int j = 0; j < 4; ++j)
    tile[l * 4 + j] = in[g * 4 + j];
  dpex::group_barrier(it.get_group());
  out[g] = tile[l * 4] + tile[l * 4 + 1] + tile[l * 4 + 2] + tile[l * 4 + 3];
}
