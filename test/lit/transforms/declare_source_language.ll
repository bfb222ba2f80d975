; dpex-declare-source-language: the module's source language for SPIR-V is
; OpenCL C++ 1.0 (OpSource OpenCL_CPP 100000), replacing what was there.
; RUN: dpex-opt -passes=dpex-declare-source-language %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k() {
entry:
  ret void
}

!spirv.Source = !{!0}
!0 = !{i32 3, i32 200000}

; CHECK: !spirv.Source = !{![[SRC:[0-9]+]]}
; CHECK: ![[SRC]] = !{i32 4, i32 100000}
; CHECK-NOT: i32 200000
