#include <dpex/kernel.hpp>

// A work-group sum through local memory, a barrier and a global atomic.
DPEX_KERNEL void tile_sum(dpex::nd_item<1> it, const int *in, int *out,
                          dpex::local_accessor<int> tile) {
  size_t l = it.get_local_id(0);
  tile[l] = in[it.get_global_id(0)];
  dpex::group_barrier(it.get_group());
  if (l == 0) {
    int s = 0;
    for (size_t k = 0; k < it.get_local_range(0); ++k)
      s += tile[k];
    dpex::atomic_ref<int> acc(out[0]);
    acc.fetch_add(s);
  }
}
