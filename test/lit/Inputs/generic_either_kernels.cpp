#include <dpex/kernel.hpp>

DPEX_KERNEL void either(dpex::nd_item<1> it, int *count, int use_local,
                        dpex::local_accessor<int> local_count) {
  using generic_ref =
      dpex::atomic_ref<int, dpex::memory_order::relaxed,
                       dpex::memory_scope::device,
                       dpex::address_space::generic_space>;
  int *target = use_local ? &local_count[0] : &count[0];
  generic_ref(*target).fetch_add(1);
}

DPEX_KERNEL void scale(dpex::item<1> it, float a, float *x) {
  x[it.get_id(0)] *= a;
}
