#include <dpex/kernel.hpp>

namespace demo {

// c[i][j] = a[i][j] + s * b[j][i]: a 2-D index space over a row-major matrix.
DPEX_KERNEL void add_transposed(dpex::item<2> it, const float *a,
                                const float *b, float *c, float s) {
  size_t i = it.get_id(0), j = it.get_id(1);
  size_t rows = it.get_range(0), cols = it.get_range(1);
  c[i * cols + j] = a[i * cols + j] + s * b[j * rows + i];
}

} // namespace demo
