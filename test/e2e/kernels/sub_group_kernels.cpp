// Sub-groups: what each work-item's sub-group reports, and the sub-group
// algorithms on every value type (the slots sub_group_slots.hpp names).
#include <dpex/kernel.hpp>

#include "sub_group_slots.hpp"

using namespace sub_group_slots;

static void write_info(dpex::nd_item<1> it, unsigned long *out) {
  dpex::sub_group sg = it.get_sub_group();
  unsigned long *o = out + it.get_global_id(0) * NumInfo;
  o[LocalId] = sg.get_local_id();
  o[LocalRange] = sg.get_local_range();
  o[MaxLocalRange] = sg.get_max_local_range();
  o[GroupId] = sg.get_group_id();
  o[GroupRange] = sg.get_group_range();
  o[Leader] = sg.leader();
}

DPEX_KERNEL void sub_group_info(dpex::nd_item<1> it, unsigned long *out) {
  write_info(it, out);
}

DPEX_KERNEL
DPEX_REQD_SUB_GROUP_SIZE(8)
void sub_group_info_8(dpex::nd_item<1> it, unsigned long *out) {
  write_info(it, out);
}

// Integers combine with bit_xor, floating point with multiplies, through
// shuffles; plus, minimum and maximum are native.
template <typename T>
DPEX_KERNEL void sub_group_algorithms(dpex::nd_item<1> it, const T *in,
                                      T *out) {
  dpex::sub_group sg = it.get_sub_group();
  T x = in[it.get_global_id(0)], *o = out + it.get_global_id(0) * NumSlots;
  const size_t l = sg.get_local_id(), n = sg.get_local_range();
  auto other = [] {
    if constexpr (__is_integral(T))
      return dpex::bit_xor<T>();
    else
      return dpex::multiplies<T>();
  }();
  o[Broadcast] = dpex::group_broadcast(sg, x, n - 1);
  o[Select] = dpex::select_from_group(sg, x, (l * 3 + 1) % n);
  o[ShiftLeft] = dpex::shift_group_left(sg, x, 1);
  o[ShiftRight] = dpex::shift_group_right(sg, x, 2);
  o[PermuteXor] = dpex::permute_group_by_xor(sg, x, 1);
  o[ReducePlus] = dpex::reduce_over_group(sg, x, dpex::plus<>());
  o[ReduceOther] = dpex::reduce_over_group(sg, x, other);
  o[ReduceMinInit] = dpex::reduce_over_group(sg, x, T(5), dpex::minimum<>());
  o[ExclusivePlus] = dpex::exclusive_scan_over_group(sg, x, dpex::plus<>());
  o[ExclusiveOther] = dpex::exclusive_scan_over_group(sg, x, other);
  o[ExclusiveOtherInit] = dpex::exclusive_scan_over_group(sg, x, T(3), other);
  o[InclusiveMax] = dpex::inclusive_scan_over_group(sg, x, dpex::maximum<>());
  o[InclusiveOther] = dpex::inclusive_scan_over_group(sg, x, other);
  o[InclusivePlusInit] =
      dpex::inclusive_scan_over_group(sg, x, dpex::plus<>(), T(7));
  o[Any] = dpex::any_of_group(sg, x > T(6));
  o[All] = dpex::all_of_group(sg, x > T(1));
  o[None] = dpex::none_of_group(sg, x > T(8));
}
template void sub_group_algorithms<int>(dpex::nd_item<1>, const int *, int *);
template void sub_group_algorithms<unsigned>(dpex::nd_item<1>, const unsigned *,
                                             unsigned *);
template void sub_group_algorithms<long>(dpex::nd_item<1>, const long *,
                                         long *);
template void sub_group_algorithms<unsigned long>(dpex::nd_item<1>,
                                                  const unsigned long *,
                                                  unsigned long *);
template void sub_group_algorithms<float>(dpex::nd_item<1>, const float *,
                                          float *);
template void sub_group_algorithms<double>(dpex::nd_item<1>, const double *,
                                           double *);
