; dpex-expand-float-atomic-adds: for the SPIR-V image, each floating-point
; atomic add becomes a loop that reads the word (relaxed: the call's
; semantics without their ordering bits), adds in floating point and swaps
; with the call's scope and semantics until no other work-item changed the
; word in between; the value it replaced is the result. The overloads of the
; word's built-ins follow the call's address space. Calls to other atomics
; stay.
; RUN: dpex-opt -passes=dpex-expand-float-atomic-adds %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func float @_Z21__spirv_AtomicFAddEXTPU3AS1fiif(float addrspace(1)*, i32, i32, float)
declare spir_func double @_Z21__spirv_AtomicFAddEXTPU3AS3diid(double addrspace(3)*, i32, i32, double)
declare spir_func i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)*, i32, i32, i32)

define spir_kernel void @k(float addrspace(1)* %p, double addrspace(3)* %l, i32 addrspace(1)* %q, float addrspace(1)* %out) {
entry:
  %old = call spir_func float @_Z21__spirv_AtomicFAddEXTPU3AS1fiif(float addrspace(1)* %p, i32 1, i32 528, float 2.0)
  store float %old, float addrspace(1)* %out
  %d = call spir_func double @_Z21__spirv_AtomicFAddEXTPU3AS3diid(double addrspace(3)* %l, i32 2, i32 256, double -1.0)
  %i = call spir_func i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)* %q, i32 1, i32 512, i32 1)
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: entry:
; CHECK-NEXT: [[W:%.*]] = bitcast float addrspace(1)* %p to i32 addrspace(1)*
; CHECK-NEXT: [[FIRST:%.*]] = call spir_func i32 @_Z18__spirv_AtomicLoadPU3AS1iii(i32 addrspace(1)* [[W]], i32 1, i32 512)
; CHECK-NEXT: br label %fadd.loop
; CHECK: fadd.loop:
; CHECK-NEXT: %fadd.seen = phi i32 [ [[FIRST]], %entry ], [ [[FOUND:%.*]], %fadd.loop ]
; CHECK-NEXT: [[OLD:%.*]] = bitcast i32 %fadd.seen to float
; CHECK-NEXT: %fadd.sum = fadd float [[OLD]], 2.000000e+00
; CHECK-NEXT: [[NEW:%.*]] = bitcast float %fadd.sum to i32
; CHECK-NEXT: [[FOUND]] = call spir_func i32 @_Z29__spirv_AtomicCompareExchangePU3AS1iiiiii(i32 addrspace(1)* [[W]], i32 1, i32 528, i32 512, i32 [[NEW]], i32 %fadd.seen)
; CHECK-NEXT: [[SAME:%.*]] = icmp eq i32 [[FOUND]], %fadd.seen
; CHECK-NEXT: br i1 [[SAME]], label %fadd.done, label %fadd.loop
; CHECK: fadd.done:
; CHECK-NEXT: %old = bitcast i32 %fadd.seen to float
; CHECK-NEXT: store float %old, float addrspace(1)* %out
; CHECK: [[LW:%.*]] = bitcast double addrspace(3)* %l to i64 addrspace(3)*
; CHECK-NEXT: call spir_func i64 @_Z18__spirv_AtomicLoadPU3AS3lii(i64 addrspace(3)* [[LW]], i32 2, i32 256)
; CHECK: fadd double %{{.*}}, -1.000000e+00
; CHECK: call spir_func i64 @_Z29__spirv_AtomicCompareExchangePU3AS3liiill(i64 addrspace(3)* [[LW]], i32 2, i32 256, i32 256,
; CHECK: call spir_func i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(
; CHECK-NOT: __spirv_AtomicFAddEXT
