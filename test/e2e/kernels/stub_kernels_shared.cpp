// A second source of e2e_stub_kernels: it instantiates shared::twice<int>
// as stub_kernels.cpp does, so that a program includes two stubs that both
// declare its handle.
#include "stub_shared_kernels.hpp"
#include "stub_types.hpp"

namespace shared {
template void twice<int>(dpex::item<1>, int *);
template void twice<float>(dpex::item<1>, float *);

// A pointer to a struct of a header.
DPEX_KERNEL void swap_xy(dpex::item<1> it, pt *p) {
  pt &q = p[it.get_id(0)];
  float x = q.x;
  q.x = q.y;
  q.y = x;
}
} // namespace shared
