// Work-group scans for the warp-then-block test (ptx_group_scan_warp.test).
#include <dpex/kernel.hpp>

DPEX_KERNEL void exclusive_scan(dpex::nd_item<1> it, const float *in,
                                float *out) {
  size_t i = it.get_global_id(0);
  out[i] = dpex::exclusive_scan_over_group(it.get_group(), in[i],
                                           dpex::plus<>());
}

DPEX_KERNEL void multiplies_scan(dpex::nd_item<1> it, const int *in,
                                 int *out) {
  size_t i = it.get_global_id(0);
  out[i] = dpex::inclusive_scan_over_group(it.get_group(), in[i],
                                           dpex::multiplies<>());
}
