// DPEX_REQD_SUB_GROUP_SIZE takes a power of two from 1 to 64: Intel's OpenCL
// runtime fails to build the whole image for another size. Each instantiation
// of a kernel template is checked with its own size; no output is left.
// RUN: rm -rf %t && mkdir -p %t
// RUN: not dpexc %s -o %t/k 2>&1 | FileCheck %s
// RUN: sh -c 'dpexc %s -o %t/k >/dev/null 2>&1; test $? -eq 1'
// RUN: not ls %t/k.spv
// CHECK-NOT: internal compiler error
#include <dpex/kernel.hpp>

// CHECK: {{.*}}reqd_sub_group_size.cpp:[[@LINE+1]]:13: error: kernel 'three': DPEX_REQD_SUB_GROUP_SIZE takes a power of two from 1 to 64 (a sub-group size devices have)
DPEX_KERNEL DPEX_REQD_SUB_GROUP_SIZE(3) void three(dpex::nd_item<1>, int *) {}

// CHECK: {{.*}}reqd_sub_group_size.cpp:[[@LINE+1]]:13: error: kernel 'big': DPEX_REQD_SUB_GROUP_SIZE takes a power of two
DPEX_KERNEL DPEX_REQD_SUB_GROUP_SIZE(128) void big(dpex::nd_item<1>, int *) {}

// CHECK: {{.*}}reqd_sub_group_size.cpp:[[@LINE+2]]:13: error: kernel 'sized<6>': DPEX_REQD_SUB_GROUP_SIZE takes a power of two
template <int N>
DPEX_KERNEL DPEX_REQD_SUB_GROUP_SIZE(N) void sized(dpex::nd_item<1>, int *) {}
template void sized<6>(dpex::nd_item<1>, int *);
template void sized<8>(dpex::nd_item<1>, int *);

// CHECK-NOT: error: kernel 'sized<8>'
// CHECK-NOT: error: kernel 'fine'
DPEX_KERNEL DPEX_REQD_SUB_GROUP_SIZE(16) void fine(dpex::nd_item<1>, int *) {}
