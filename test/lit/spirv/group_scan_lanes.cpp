// The scans combine each lane of 32 blocks in one work-item per lane, lane
// p in work-item p: step j reads block j of the lane from value slot
// j * 16 + p and writes its prefix to slot 512 + j * 16 + p, so the lanes'
// work-items touch consecutive slots in each step (vector loads where a CPU
// compiler runs work-items as SIMD lanes, not gathers). Two barriers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/s --emit=llvm,spirv
// RUN: spirv-val %t/s.spv
// RUN: FileCheck %s < %t/s.ll
#include <dpex/kernel.hpp>

// CHECK: [[SLOTS:@[a-zA-Z0-9_]*group_scratch[a-zA-Z0-9_]*]] = {{.*}}addrspace(3) global [1040 x float]
// CHECK: define spir_kernel void @{{.*}}scan
// CHECK: %[[LID:[0-9]+]] = tail call spir_func i64 @_Z32__spirv_BuiltInLocalInvocationIdi(i32 0)
// CHECK: call spir_func void @_Z22__spirv_ControlBarrieriii
// CHECK: %[[J:[a-z0-9.]+]] = phi i64
// CHECK: %[[STEP:[a-z0-9.]+]] = shl i64 %[[J]], 4
// CHECK: %[[SLOT:[a-z0-9.]+]] = add i64 %[[STEP]], %[[LID]]
// CHECK: %[[PREFIX:[a-z0-9.]+]] = add i64 %[[SLOT]], 512
// CHECK: %[[TO:[a-z0-9.]+]] = getelementptr inbounds {{.*}}[[SLOTS]], i64 0, i64 %[[PREFIX]]
// CHECK: store float %{{.*}}, float addrspace(3)* %[[TO]]
// CHECK: %[[FROM:[a-z0-9.]+]] = getelementptr inbounds {{.*}}[[SLOTS]], i64 0, i64 %[[SLOT]]
// CHECK: load float, float addrspace(3)* %[[FROM]]
// CHECK: call spir_func void @_Z22__spirv_ControlBarrieriii
// CHECK-NOT: call spir_func void @_Z22__spirv_ControlBarrieriii
// CHECK: ret void
DPEX_KERNEL void scan(dpex::nd_item<1> it, const float *in, float *out) {
  size_t i = it.get_global_id(0);
  out[i] = dpex::exclusive_scan_over_group(it.get_group(), in[i],
                                           dpex::plus<>());
}
