// Kernels requiring a sub-group size beside one that requires none, in one
// module: a device lacking one kernel's size still runs the others.
#include <dpex/kernel.hpp>

DPEX_KERNEL void scale_and_offset(dpex::item<1> it, const int *in, int *out) {
  out[it[0]] = in[it[0]] * 3 + 1;
}

static void write_sub_group_size(dpex::nd_item<1> it, unsigned long *out) {
  out[it.get_global_id(0)] = it.get_sub_group().get_local_range();
}

// 2: a size dpexc accepts and Intel's OpenCL CPU runtime lacks.
DPEX_KERNEL
DPEX_REQD_SUB_GROUP_SIZE(2)
void sub_group_size_2(dpex::nd_item<1> it, unsigned long *out) {
  write_sub_group_size(it, out);
}

DPEX_KERNEL
DPEX_REQD_SUB_GROUP_SIZE(16)
void sub_group_size_16(dpex::nd_item<1> it, unsigned long *out) {
  write_sub_group_size(it, out);
}
