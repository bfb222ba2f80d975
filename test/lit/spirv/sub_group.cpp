// Sub-group queries read the sub-group built-in variables; the algorithms
// are group instructions at Subgroup scope (3): OpGroup* (Groups
// capability) for broadcast, plus/minimum/maximum and the predicates,
// OpSubgroupShuffleINTEL (SPV_INTEL_subgroups) for the shuffles and the
// other ops. The SPIR image leaves the kernel out, with a warning (the PTX
// image keeps it: targets/ptx_sub_group.test).
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/r --emit=spirv,spirv-asm,spir 2> %t/warnings
// RUN: spirv-val %t/r.spv
// RUN: FileCheck %s < %t/r.spvasm
// RUN: FileCheck --check-prefix=SIZE %s < %t/r.spvasm
// RUN: FileCheck --check-prefix=WARN %s < %t/warnings
#include <dpex/kernel.hpp>

// CHECK-DAG: OpCapability Groups
// CHECK-DAG: OpCapability SubgroupShuffleINTEL
// CHECK-DAG: OpExtension "SPV_INTEL_subgroups"
// CHECK-DAG: OpDecorate %{{.*}} BuiltIn SubgroupLocalInvocationId
// CHECK-DAG: OpDecorate %{{.*}} BuiltIn SubgroupSize
// CHECK-DAG: OpDecorate %{{.*}} BuiltIn SubgroupMaxSize
// CHECK-DAG: OpDecorate %{{.*}} BuiltIn SubgroupId
// CHECK-DAG: OpDecorate %{{.*}} BuiltIn NumSubgroups
// CHECK: OpFunction
// CHECK-DAG: OpGroupBroadcast %float %uint_3
// CHECK-DAG: OpSubgroupShuffleINTEL %float
// CHECK-DAG: OpGroupFAdd %float %uint_3 Reduce
// CHECK-DAG: OpGroupFMin %float %uint_3 ExclusiveScan
// CHECK-DAG: OpGroupFMax %float %uint_3 InclusiveScan
// CHECK-DAG: OpGroupAny %bool %uint_3
// CHECK-DAG: OpGroupAll %bool %uint_3
// CHECK: OpFunctionEnd
// WARN: warning: kernel 'sg' is left out of the spir image (devices{{.*}}it uses a sub-group operation {{.*}}[-Womitted-kernel]
DPEX_KERNEL void sg(dpex::nd_item<1> it, const float *in, float *out) {
  dpex::sub_group g = it.get_sub_group();
  float x = in[it.get_global_id(0)];
  float r = dpex::group_broadcast(g, x, 1) +
            dpex::select_from_group(g, x, g.get_local_range() - 1) +
            dpex::reduce_over_group(g, x, dpex::plus<>()) +
            dpex::exclusive_scan_over_group(g, x, dpex::minimum<>()) +
            dpex::inclusive_scan_over_group(g, x, dpex::maximum<>());
  if (dpex::any_of_group(g, x > 0) && dpex::all_of_group(g, x < 9))
    r += g.get_max_local_range() + g.get_group_id() + g.get_group_range() +
         g.leader();
  out[it.get_global_id(0)] = r;
}

// DPEX_REQD_SUB_GROUP_SIZE(n): the SubgroupSize execution mode, which needs
// SPIR-V 1.1 and SubgroupDispatch.
// SIZE-DAG: ; Version: 1.1
// SIZE-DAG: OpCapability SubgroupDispatch
// SIZE-DAG: OpEntryPoint Kernel %[[SIZED:[0-9]+]] "_Z5sizedN4dpex7nd_itemILi1EEEPj"
// SIZE-DAG: OpExecutionMode %[[SIZED]] SubgroupSize 16
DPEX_KERNEL DPEX_REQD_SUB_GROUP_SIZE(16) void sized(dpex::nd_item<1> it,
                                                    unsigned *out) {
  out[it.get_global_id(0)] = it.get_sub_group().get_local_range();
}
