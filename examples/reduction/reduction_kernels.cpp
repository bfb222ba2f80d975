// Sum of an array: a tree reduction per work-group in local memory, then
// one atomic add per work-group into the result.
#include <dpex/kernel.hpp>

namespace demo {

DPEX_KERNEL void reduce_sum(dpex::nd_item<1> it, const long *in,
                            unsigned long n, long *result,
                            dpex::local_accessor<long> partial) {
  size_t l = it.get_local_id(0), g = it.get_global_id(0);
  // Each work-item first adds up a strided slice, so any n works.
  long sum = 0;
  for (size_t i = g; i < n; i += it.get_global_range(0))
    sum += in[i];
  partial[l] = sum;
  for (size_t stride = it.get_local_range(0) / 2; stride > 0; stride /= 2) {
    dpex::group_barrier(it.get_group());
    if (l < stride)
      partial[l] += partial[l + stride];
  }
  if (it.get_group().leader())
    dpex::atomic_ref<long>(*result).fetch_add(partial[0]);
}

} // namespace demo
