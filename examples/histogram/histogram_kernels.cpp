// A 256-bin byte histogram: each work-group counts into local memory with
// work-group-scope atomics, then adds its counts to the global histogram.
#include <dpex/kernel.hpp>

namespace demo {

constexpr unsigned BINS = 256;

DPEX_KERNEL void histogram(dpex::nd_item<1> it, const unsigned char *data,
                           unsigned long n, unsigned *hist,
                           dpex::local_accessor<unsigned> local_hist) {
  size_t l = it.get_local_id(0), size = it.get_local_range(0);
  for (size_t b = l; b < BINS; b += size)
    local_hist[b] = 0;
  dpex::group_barrier(it.get_group());
  using local_counter = dpex::atomic_ref<unsigned, dpex::memory_order::relaxed,
                                         dpex::memory_scope::work_group,
                                         dpex::address_space::local_space>;
  for (size_t i = it.get_global_id(0); i < n; i += it.get_global_range(0))
    local_counter(local_hist[data[i]]).fetch_add(1u);
  dpex::group_barrier(it.get_group());
  for (size_t b = l; b < BINS; b += size)
    if (local_hist[b])
      dpex::atomic_ref<unsigned>(hist[b]).fetch_add(local_hist[b]);
}

} // namespace demo
