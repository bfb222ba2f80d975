; With an assertions build of LLVM, dpex-nvptx-lower-fences counts the fences
; it lowers (-stats) and traces each one (-debug-only), under its registry
; name.
; REQUIRES: asserts
; RUN: dpex-opt -passes=dpex-nvptx-lower-fences -stats %s -o /dev/null 2>&1 | FileCheck --check-prefix=STATS %s
; RUN: dpex-opt -passes=dpex-nvptx-lower-fences -debug-only=dpex-nvptx-lower-fences %s -o /dev/null 2>&1 | FileCheck --check-prefix=DEBUG %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @fenced(i32 addrspace(1)* %p) {
entry:
  store i32 1, i32 addrspace(1)* %p
  fence seq_cst
  store i32 2, i32 addrspace(1)* %p
  fence acquire
  ret void
}

; STATS: 2 dpex-nvptx-lower-fences{{ +}}- Fences turned into membar.gl
; DEBUG: fenced: {{ *}}fence seq_cst becomes membar.gl
; DEBUG: fenced: {{ *}}fence acquire becomes membar.gl
