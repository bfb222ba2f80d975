; dpex-spir-lower-mem-fences: OpenCL 1.2 `mem_fence(flags)`, which PoCL 3's
; kernel library lacks, becomes a sequentially consistent fence.
; RUN: dpex-opt -passes=dpex-spir-lower-mem-fences %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func void @_Z9mem_fencej(i32)

define spir_kernel void @k(i32 addrspace(1)* %p) {
entry:
  store i32 1, i32 addrspace(1)* %p
  call spir_func void @_Z9mem_fencej(i32 2)
  store i32 2, i32 addrspace(1)* %p
  ret void
}

; CHECK: store i32 1
; CHECK-NEXT: fence seq_cst
; CHECK-NEXT: store i32 2
; CHECK-NOT: mem_fence
