// reduce_over_group works in a static work-group scratch area: a Workgroup
// OpVariable of 512 value slots, 512 prefix slots and 16 lane slots per
// value type (local address space 3 in the SPIR image), with two
// OpControlBarriers (Workgroup execution and memory scope): one in the loop
// that gathers the values (one turn unless the group has more work-items
// than slots), one before the lanes' results are read.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/r --emit=spirv,spirv-asm,spir
// RUN: spirv-val %t/r.spv
// RUN: FileCheck %s < %t/r.spvasm
// RUN: llvm-dis %t/r.spir.bc -o - | FileCheck --check-prefix=SPIR %s
#include <dpex/kernel.hpp>

// CHECK-DAG: %[[ARR:[a-zA-Z0-9_]+]] = OpTypeArray %float %ulong_1040
// CHECK-DAG: %[[PTR:[a-zA-Z0-9_]+]] = OpTypePointer Workgroup %[[ARR]]
// CHECK-DAG: %[[SCRATCH:[a-zA-Z0-9_]+]] = OpVariable %[[PTR]] Workgroup
// CHECK: OpFunction
// CHECK: OpControlBarrier %uint_2 %uint_2 %uint_784
// CHECK: OpInBoundsPtrAccessChain %_ptr_Workgroup_float %[[SCRATCH]]
// CHECK: OpControlBarrier %uint_2 %uint_2 %uint_784
// CHECK-NOT: OpControlBarrier
// CHECK: OpFunctionEnd
// SPIR: @{{.*}}group_scratch{{.*}} = {{.*}}addrspace(3) global [1040 x float]
// SPIR-COUNT-2: call spir_func void @_Z7barrierj(i32 3)
// SPIR-NOT: call spir_func void @_Z7barrierj
DPEX_KERNEL void sum(dpex::nd_item<1> it, const float *in, float *out) {
  float x = in[it.get_global_id(0)];
  float total = dpex::reduce_over_group(it.get_group(), x, dpex::plus<>());
  if (it.get_local_id(0) == 0)
    out[it.get_group().get_group_id(0)] = total;
}
