// C = A * B with TILE x TILE tiles of A and B staged in work-group local
// memory: each element read from global memory is reused TILE times.
#include <dpex/kernel.hpp>

namespace demo {

constexpr size_t TILE = 16;

// A is n x k, B is k x m, C is n x m, row-major; n and m are multiples of
// TILE (the launch's local range is TILE x TILE), k need not be.
DPEX_KERNEL void matmul_tiled(dpex::nd_item<2> it, const float *a,
                              const float *b, float *c, unsigned n, unsigned k,
                              unsigned m, dpex::local_accessor<float> tile_a,
                              dpex::local_accessor<float> tile_b) {
  size_t row = it.get_global_id(0), col = it.get_global_id(1);
  size_t lr = it.get_local_id(0), lc = it.get_local_id(1);
  float sum = 0.0f;
  for (size_t t = 0; t < k; t += TILE) {
    tile_a[lr * TILE + lc] = (t + lc < k) ? a[row * k + t + lc] : 0.0f;
    tile_b[lr * TILE + lc] = (t + lr < k) ? b[(t + lr) * m + col] : 0.0f;
    dpex::group_barrier(it.get_group());
    for (size_t i = 0; i < TILE; ++i)
      sum += tile_a[lr * TILE + i] * tile_b[i * TILE + lc];
    // Nobody overwrites the tiles until everyone has used them.
    dpex::group_barrier(it.get_group());
  }
  c[row * m + col] = sum;
}

} // namespace demo
