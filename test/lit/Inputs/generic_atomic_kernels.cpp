#include <dpex/kernel.hpp>

// Counts into local memory through a generic-space atomic_ref, then adds the
// counts to global memory through another.
DPEX_KERNEL void generic_counts(dpex::nd_item<1> it, const unsigned *in,
                                int *hist, dpex::local_accessor<int> bins) {
  using generic_ref =
      dpex::atomic_ref<int, dpex::memory_order::relaxed,
                       dpex::memory_scope::device,
                       dpex::address_space::generic_space>;
  size_t l = it.get_local_id(0);
  bins[l] = 0;
  dpex::group_barrier(it.get_group());
  generic_ref(bins[in[it.get_global_id(0)] % it.get_local_range(0)])
      .fetch_add(1);
  dpex::group_barrier(it.get_group());
  generic_ref(hist[l]).fetch_add(bins[l]);
}

// Another kernel of the same module, which must build wherever it does.
DPEX_KERNEL void scale(dpex::item<1> it, float a, float *x) {
  x[it.get_id(0)] *= a;
}
