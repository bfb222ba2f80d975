; dpex-spir-omit-generic-builtin-callers: a kernel calling an OpenCL
; built-in on a generic pointer (PU3AS4), which SPIR 1.2 cannot express, is
; left out and named with the reason in !dpex.omitted_kernels; the other
; kernels and what they call stay, declarations no one calls go.
; RUN: dpex-opt -passes=dpex-spir-omit-generic-builtin-callers %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z10atomic_addPU3AS4Vii(i32 addrspace(4)*, i32)
declare spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)*, i32)

define spir_kernel void @generic(i32 addrspace(4)* %p) {
entry:
  %old = call spir_func i32 @_Z10atomic_addPU3AS4Vii(i32 addrspace(4)* %p, i32 1)
  ret void
}

define spir_kernel void @global(i32 addrspace(1)* %p) {
entry:
  %old = call spir_func i32 @_Z10atomic_addPU3AS1Vii(i32 addrspace(1)* %p, i32 1)
  ret void
}

; CHECK-NOT: define spir_kernel void @generic(
; CHECK-NOT: declare spir_func i32 @_Z10atomic_addPU3AS4Vii(
; CHECK: declare spir_func i32 @_Z10atomic_addPU3AS1Vii(
; CHECK: define spir_kernel void @global(
; CHECK: !dpex.omitted_kernels = !{![[G:[0-9]+]]}
; CHECK: ![[G]] = !{!"generic", !"it calls the OpenCL built-in '_Z10atomic_addPU3AS4Vii' on a generic pointer {{.*}}which SPIR 1.2 cannot express"}
