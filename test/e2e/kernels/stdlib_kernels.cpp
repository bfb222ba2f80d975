// Kernels built from the standard library: tuples and pairs, sorting and
// heaps, placement new and std::optional (kernels/stdlib/e2e_stdlib.hpp).
#include <dpex/kernel.hpp>

#include "e2e_stdlib.hpp"

namespace e2e_stdlib {

DPEX_KERNEL void tuples_kernel(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = tuples(in[i]);
}

// Each work item sorts its own segment of n, in private memory.
DPEX_KERNEL void top_kernel(dpex::item<1> it, float *data, int n, int m) {
  float *segment = data + it.get_id(0) * n;
  float v[MaxSegment];
  for (int k = 0; k < n; ++k)
    v[k] = segment[k];
  top(v, n, m);
  for (int k = 0; k < n; ++k)
    segment[k] = v[k];
}

// The same, in place in global memory.
DPEX_KERNEL void top_in_place_kernel(dpex::item<1> it, float *data, int n,
                                     int m) {
  top(data + it.get_id(0) * n, n, m);
}

DPEX_KERNEL void heaps_in_place_kernel(dpex::item<1> it, int *data, int n) {
  heaps(data + it.get_id(0) * n, n);
}

DPEX_KERNEL void heaps_kernel(dpex::item<1> it, int *data, int n) {
  int *segment = data + it.get_id(0) * n;
  int v[MaxSegment];
  for (int k = 0; k < n; ++k)
    v[k] = segment[k];
  heaps(v, n);
  for (int k = 0; k < n; ++k)
    segment[k] = v[k];
}

DPEX_KERNEL void construct_kernel(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  out[i] = construct(in[i]);
}

} // namespace e2e_stdlib
