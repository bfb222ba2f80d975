; dpex-spir-expand-float-atomic-adds: in the SPIR image, the reader's
; floating-point `atomic_add` (OpAtomicFAddEXT, which OpenCL 1.2 lacks)
; becomes a compare-exchange loop on the word: a plain volatile read starts
; it (no atomic write), `atomic_cmpxchg` swaps it (`atom_cmpxchg` on 64-bit
; words). Integer atomics stay.
; RUN: dpex-opt -passes=dpex-spir-expand-float-atomic-adds %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func float @_Z10atomic_addPU3AS1Vff(float addrspace(1)*, float)
declare spir_func double @_Z10atomic_addPU3AS3Vdd(double addrspace(3)*, double)
declare spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)*, i32)

define spir_kernel void @k(float addrspace(1)* %p, double addrspace(3)* %l, i32 addrspace(1)* %q, float addrspace(1)* %out) {
entry:
  %old = call spir_func float @_Z10atomic_addPU3AS1Vff(float addrspace(1)* %p, float 2.0)
  store float %old, float addrspace(1)* %out
  %d = call spir_func double @_Z10atomic_addPU3AS3Vdd(double addrspace(3)* %l, double -1.0)
  %i = call spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)* %q, i32 1)
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: entry:
; CHECK-NEXT: [[W:%.*]] = bitcast float addrspace(1)* %p to i32 addrspace(1)*
; CHECK-NEXT: %fadd.first = load volatile i32, i32 addrspace(1)* [[W]], align 4
; CHECK-NEXT: br label %fadd.loop
; CHECK: fadd.loop:
; CHECK-NEXT: %fadd.seen = phi i32 [ %fadd.first, %entry ], [ [[FOUND:%.*]], %fadd.loop ]
; CHECK-NEXT: [[OLD:%.*]] = bitcast i32 %fadd.seen to float
; CHECK-NEXT: %fadd.sum = fadd float [[OLD]], 2.000000e+00
; CHECK-NEXT: [[NEW:%.*]] = bitcast float %fadd.sum to i32
; CHECK-NEXT: [[FOUND]] = call spir_func i32 @_Z14atomic_cmpxchgPU3AS1Viii(i32 addrspace(1)* [[W]], i32 %fadd.seen, i32 [[NEW]])
; CHECK-NEXT: [[SAME:%.*]] = icmp eq i32 [[FOUND]], %fadd.seen
; CHECK-NEXT: br i1 [[SAME]], label %fadd.done, label %fadd.loop
; CHECK: fadd.done:
; CHECK-NEXT: %old = bitcast i32 %fadd.seen to float
; CHECK-NEXT: store float %old, float addrspace(1)* %out
; CHECK: [[LW:%.*]] = bitcast double addrspace(3)* %l to i64 addrspace(3)*
; CHECK-NEXT: load volatile i64, i64 addrspace(3)* [[LW]], align 8
; CHECK-NOT: atom_add
; CHECK: fadd double %{{.*}}, -1.000000e+00
; CHECK: call spir_func i64 @_Z12atom_cmpxchgPU3AS3Vlll(i64 addrspace(3)* [[LW]],
; CHECK: call spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)* %q, i32 1)
; CHECK-NOT: Vff
; CHECK-NOT: Vdd
