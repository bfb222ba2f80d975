; dpex-nvptx-lower-fences: a fence (from dpex::atomic_fence) becomes
; membar.gl, which LLVM 15's NVPTX backend can select where it cannot select
; `fence`.
; RUN: dpex-opt -passes=dpex-nvptx-lower-fences %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @fenced(i32 addrspace(1)* %p) {
entry:
  store i32 1, i32 addrspace(1)* %p
  fence seq_cst
  store i32 2, i32 addrspace(1)* %p
  ret void
}

; CHECK-LABEL: define spir_kernel void @fenced(
; CHECK: store i32 1
; CHECK-NEXT: call void @llvm.nvvm.membar.gl()
; CHECK-NEXT: store i32 2
; CHECK-NEXT: ret void
; CHECK-NOT: {{^ *}}fence 
