// group_barrier is OpControlBarrier with Workgroup execution scope, the
// requested memory scope, and SequentiallyConsistent | WorkgroupMemory |
// CrossWorkgroupMemory (0x310 = 784) semantics; local_accessor parameters
// are Workgroup pointers. The barrier call stays convergent, and the SPIR
// image has OpenCL 1.2's barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)
// and no generic pointers.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/b --emit=spirv,spirv-asm,llvm,spir
// RUN: spirv-val %t/b.spv
// RUN: FileCheck %s < %t/b.spvasm
// RUN: FileCheck --check-prefix=LLVM %s < %t/b.ll
// RUN: llvm-dis %t/b.spir.bc -o - | FileCheck --check-prefix=SPIR %s
// RUN: llvm-dis %t/b.spir.bc -o - | FileCheck --check-prefix=SPIR-NEG %s
// At -O0 the accessor's alloca survives; it must still come first.
// RUN: dpexc %s -O0 -o %t/b0 --emit=spirv
// RUN: spirv-val %t/b0.spv
#include <dpex/kernel.hpp>

// CHECK-DAG: %[[LOCALPTR:[a-zA-Z0-9_]+]] = OpTypePointer Workgroup %float
// CHECK-DAG: %[[WG:[a-zA-Z0-9_]+]] = OpConstant %uint 2
// CHECK-DAG: %[[DEV:[a-zA-Z0-9_]+]] = OpConstant %uint 1
// CHECK-DAG: %[[SEM:[a-zA-Z0-9_]+]] = OpConstant %uint 784
// CHECK: OpFunctionParameter %[[LOCALPTR]]
// CHECK: OpControlBarrier %[[WG]] %[[WG]] %[[SEM]]
// CHECK: OpControlBarrier %[[WG]] %[[DEV]] %[[SEM]]
// LLVM: call spir_func void @_Z22__spirv_ControlBarrieriii(i32 noundef 2, i32 noundef 2, i32 noundef 784) #[[ATTR:[0-9]+]]
// LLVM: attributes #[[ATTR]] = { convergent
// SPIR: define spir_kernel void @{{.*}}(float addrspace(1)* {{.*}}, float addrspace(3)*
// SPIR: call spir_func void @_Z7barrierj(i32 3) #[[BATTR:[0-9]+]]
// SPIR: attributes #[[BATTR]] = { convergent
// SPIR-NEG-NOT: addrspace(4)
DPEX_KERNEL void rotate(dpex::nd_item<1> it, float *data,
                        dpex::local_accessor<float> tile) {
  size_t l = it.get_local_id(0), n = it.get_local_range(0);
  tile[l] = data[it.get_global_id(0)];
  dpex::group_barrier(it.get_group());
  float v = tile.get_pointer()[(l + 1) % n];
  dpex::group_barrier(it.get_group(), dpex::memory_scope::device);
  data[it.get_global_id(0)] = v;
}
