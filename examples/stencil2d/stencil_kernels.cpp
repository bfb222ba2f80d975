// One Jacobi step of the 2-D heat equation: a 5-point stencil over the
// interior of a rows x cols grid; the boundary stays fixed.
#include <dpex/kernel.hpp>

namespace demo {

DPEX_KERNEL void jacobi_step(dpex::item<2> it, const float *in, float *out,
                             float alpha) {
  size_t i = it.get_id(0), j = it.get_id(1);
  size_t rows = it.get_range(0), cols = it.get_range(1);
  size_t c = i * cols + j;
  if (i == 0 || j == 0 || i == rows - 1 || j == cols - 1) {
    out[c] = in[c];
    return;
  }
  float lap =
      in[c - cols] + in[c + cols] + in[c - 1] + in[c + 1] - 4.0f * in[c];
  out[c] = in[c] + alpha * lap;
}

} // namespace demo
