// atomic_ref operations map to SPIR-V atomics on a pointer in the storage
// class its address_space names; scope and semantics are constants (Device =
// 1, Workgroup = 2; CrossWorkgroupMemory 0x200 plus the order's bits). Float
// fetch_add is a compare-exchange loop on the bit pattern, so no float atomic
// (SPV_EXT_shader_atomic_float_add) appears. The SPIR image has OpenCL 1.2's
// atomic_* / atom_* built-ins on concrete address spaces.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -o %t/a --emit=spirv,spirv-asm,spir
// RUN: spirv-val %t/a.spv
// RUN: FileCheck %s < %t/a.spvasm
// RUN: llvm-dis %t/a.spir.bc -o - | FileCheck --check-prefix=SPIR %s
// RUN: llvm-dis %t/a.spir.bc -o - | FileCheck --check-prefix=SPIR-NEG %s
#include <dpex/kernel.hpp>

using dpex::address_space;
using dpex::memory_order;
using dpex::memory_scope;

// CHECK-DAG: OpCapability Int64Atomics
// CHECK-DAG: %[[ULONG_GLOBAL:[a-zA-Z0-9_]+]] = OpTypePointer CrossWorkgroup %ulong
// CHECK-DAG: %[[UINT_LOCAL:[a-zA-Z0-9_]+]] = OpTypePointer Workgroup %uint
// CHECK-DAG: %[[DEVICE:[a-zA-Z0-9_]+]] = OpConstant %uint 1
// CHECK-DAG: %[[WG:[a-zA-Z0-9_]+]] = OpConstant %uint 2
// CHECK-DAG: %[[RELAXED_GLOBAL:[a-zA-Z0-9_]+]] = OpConstant %uint 512
// CHECK-DAG: %[[ACQREL_GLOBAL:[a-zA-Z0-9_]+]] = OpConstant %uint 520
// CHECK-DAG: %[[RELAXED_LOCAL:[a-zA-Z0-9_]+]] = OpConstant %uint 256
// CHECK-NOT: OpAtomicFAddEXT
// CHECK: OpAtomicIAdd %uint %{{[a-zA-Z0-9_.]+}} %[[DEVICE]] %[[RELAXED_GLOBAL]]
// CHECK: OpAtomicISub %uint {{.*}} %[[DEVICE]] %[[ACQREL_GLOBAL]]
// CHECK: OpAtomicSMin %uint
// CHECK: OpAtomicUMax %ulong
// CHECK: OpAtomicAnd %uint
// CHECK: OpAtomicOr %uint
// CHECK: OpAtomicXor %uint
// CHECK: OpAtomicExchange %ulong
// CHECK: OpAtomicCompareExchange %uint
// CHECK: OpAtomicStore {{.*}} %[[DEVICE]]
// CHECK: OpAtomicLoad %uint
// CHECK: OpAtomicIAdd %uint %{{[a-zA-Z0-9_.]+}} %[[WG]] %[[RELAXED_LOCAL]]
// The float add: a load, then a compare-exchange in a loop.
// CHECK: OpAtomicLoad %uint
// CHECK: OpAtomicCompareExchange %uint
// CHECK: OpBranchConditional
DPEX_KERNEL void ops(dpex::nd_item<1> it, int *i, unsigned long *u, float *f,
                     dpex::local_accessor<unsigned> local) {
  dpex::atomic_ref<int>(i[0]).fetch_add(1);
  dpex::atomic_ref<int, memory_order::acq_rel>(i[1]).fetch_sub(2);
  dpex::atomic_ref<int>(i[2]).fetch_min(3);
  dpex::atomic_ref<unsigned long>(u[0]).fetch_max(4);
  dpex::atomic_ref<int>(i[3]).fetch_and(5);
  dpex::atomic_ref<int>(i[4]).fetch_or(6);
  dpex::atomic_ref<int>(i[5]).fetch_xor(7);
  dpex::atomic_ref<unsigned long>(u[1]).exchange(8);
  int expected = 0;
  dpex::atomic_ref<int>(i[6]).compare_exchange_strong(expected, 9);
  dpex::atomic_ref<int>(i[7]).store(expected);
  i[8] = dpex::atomic_ref<int>(i[9]).load();
  dpex::atomic_ref<unsigned, memory_order::relaxed, memory_scope::work_group,
                   address_space::local_space>(local[0])
      .fetch_add(1u);
  dpex::atomic_ref<float>(f[0]).fetch_add(1.5f);
}

// SPIR: call spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)*
// SPIR: call spir_func i32 @_Z10atomic_subPU3AS1Vii(
// SPIR: call spir_func i32 @_Z10atomic_minPU3AS1Vii(
// SPIR: call spir_func i64 @_Z8atom_maxPU3AS1Vmm(i64 addrspace(1)*
// SPIR: call spir_func i32 @_Z10atomic_andPU3AS1Vii(
// SPIR: call spir_func i32 @_Z9atomic_orPU3AS1Vii(
// SPIR: call spir_func i32 @_Z10atomic_xorPU3AS1Vii(
// SPIR: call spir_func i64 @_Z9atom_xchgPU3AS1Vll(
// SPIR: call spir_func i32 @_Z14atomic_cmpxchgPU3AS1Viii(
// SPIR: call spir_func i32 @_Z10atomic_addPU3AS3Vii(i32 addrspace(3)*
// SPIR-NEG-NOT: addrspace(4)
