; dpex-specialize-generic-atomics calls the global (PU3AS1) or local (PU3AS3)
; overload of a SPIR-V atomic built-in when its generic pointer is a cast
; from that space; an atomic on a pointer of unknown origin keeps the
; generic overload, and overloads that already name a space are left alone.
; RUN: dpex-opt -passes=dpex-specialize-generic-atomics %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-specialize-generic-atomics %s -o - \
; RUN:   | FileCheck %s --check-prefix=UNUSED

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spir64-unknown-unknown"

declare i32 @_Z18__spirv_AtomicIAddPiiii(i32 addrspace(4)*, i32, i32, i32)
declare i64 @_Z18__spirv_AtomicLoadPlii(i64 addrspace(4)*, i32, i32)
declare i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)*, i32, i32, i32)

define spir_kernel void @k(i32 addrspace(1)* %g, i32 addrspace(3)* %l, i64 addrspace(1)* %g64, i32 addrspace(4)* addrspace(1)* %unknown) {
entry:
  %gg = addrspacecast i32 addrspace(1)* %g to i32 addrspace(4)*
  %a = call i32 @_Z18__spirv_AtomicIAddPiiii(i32 addrspace(4)* %gg, i32 1, i32 0, i32 1)
  %lg = addrspacecast i32 addrspace(3)* %l to i32 addrspace(4)*
  %b = call i32 @_Z18__spirv_AtomicIAddPiiii(i32 addrspace(4)* %lg, i32 2, i32 0, i32 1)
  %g64g = addrspacecast i64 addrspace(1)* %g64 to i64 addrspace(4)*
  %c = call i64 @_Z18__spirv_AtomicLoadPlii(i64 addrspace(4)* %g64g, i32 1, i32 0)
  %p = load i32 addrspace(4)*, i32 addrspace(4)* addrspace(1)* %unknown, align 8
  %d = call i32 @_Z18__spirv_AtomicIAddPiiii(i32 addrspace(4)* %p, i32 1, i32 0, i32 1)
  %e = call i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)* %g, i32 1, i32 0, i32 1)
  ret void
}

; The generic overload survives only while something still calls it.
; CHECK: declare i32 @_Z18__spirv_AtomicIAddPiiii(
; UNUSED-NOT: @_Z18__spirv_AtomicLoadPlii
; UNUSED-NOT: %gg =
; UNUSED-NOT: %lg =

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: %a = call i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)* %g, i32 1, i32 0, i32 1)
; CHECK: %b = call i32 @_Z18__spirv_AtomicIAddPU3AS3iiii(i32 addrspace(3)* %l, i32 2, i32 0, i32 1)
; CHECK: %c = call i64 @_Z18__spirv_AtomicLoadPU3AS1lii(i64 addrspace(1)* %g64, i32 1, i32 0)
; CHECK: %d = call i32 @_Z18__spirv_AtomicIAddPiiii(i32 addrspace(4)* %p, i32 1, i32 0, i32 1)
; CHECK: %e = call i32 @_Z18__spirv_AtomicIAddPU3AS1iiii(i32 addrspace(1)* %g, i32 1, i32 0, i32 1)
