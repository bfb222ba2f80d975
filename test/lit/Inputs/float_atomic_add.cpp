// Floating-point atomic adds and subtracts in global and local memory, and a
// float atomic min (a compare-exchange loop in every image).
#include <dpex/kernel.hpp>

DPEX_KERNEL void add_float(dpex::item<1> it, const float *in, float *sum) {
  dpex::atomic_ref<float>(*sum).fetch_add(in[it.get_id(0)]);
}

DPEX_KERNEL void sub_double(dpex::item<1> it, const double *in, double *sum) {
  dpex::atomic_ref<double>(*sum).fetch_sub(in[it.get_id(0)]);
}

DPEX_KERNEL void add_local_float(dpex::nd_item<1> it, const float *in,
                                 float *out, dpex::local_accessor<float> acc) {
  using local_ref = dpex::atomic_ref<float, dpex::memory_order::relaxed,
                                     dpex::memory_scope::work_group,
                                     dpex::address_space::local_space>;
  if (it.get_group().leader())
    acc[0] = 0.0f;
  dpex::group_barrier(it.get_group());
  local_ref(acc[0]).fetch_add(in[it.get_global_id(0)]);
  dpex::group_barrier(it.get_group());
  if (it.get_group().leader())
    out[it.get_group().get_group_id(0)] = acc[0];
}

DPEX_KERNEL void min_float(dpex::item<1> it, const float *in, float *lo) {
  dpex::atomic_ref<float>(*lo).fetch_min(in[it.get_id(0)]);
}
