// One Jacobi sweep of the 2-D Laplace equation over rows 0, stride,
// 2 * stride, ... (as many as the launch's first extent) of a block of rows
// of a rows x cols grid, leaving out the launch's first and last row if
// `interior`: one launch can sweep a block's first and last rows (stride:
// the block's rows - 1), another the rows between them. The interior launch
// spans the whole block, so that it has the shape of a whole sweep: PoCL
// runs a launch of a few rows fewer much slower when that count is not a
// power of two. The block is stored with one halo row above and one below:
// local row i + 1 holds global row first_row + i. The grid's edges stay
// fixed.
//
// The new value is 0.25 * (((north + south) + west) + east): the multiply
// comes last, so no compiler can contract it into an FMA, and the sum's
// order is fixed. Every device, and the host, computes the same bits, which
// is what lets a split run be compared bit for bit with an unsplit one.
#include <dpex/kernel.hpp>

namespace jacobi {

DPEX_KERNEL void sweep(dpex::item<2> it, const float *in, float *out,
                       unsigned long long first_row, unsigned long long rows,
                       unsigned long long stride, bool interior) {
  size_t i = it.get_id(0) * stride, j = it.get_id(1);
  size_t cols = it.get_range(1);
  if (interior && (i == 0 || i == it.get_range(0) - 1))
    return;
  size_t row = first_row + i;
  size_t c = (i + 1) * cols + j;
  if (row == 0 || row == rows - 1 || j == 0 || j == cols - 1) {
    out[c] = in[c];
    return;
  }
  out[c] = 0.25f * (((in[c - cols] + in[c + cols]) + in[c - 1]) + in[c + 1]);
}

} // namespace jacobi
