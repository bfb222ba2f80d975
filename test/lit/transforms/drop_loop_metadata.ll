; dpex-drop-loop-metadata: `llvm.loop` hints leave the latch before SPIR-V
; translation (the translator can misplace the OpLoopMerge they become).
; RUN: dpex-opt -passes=dpex-drop-loop-metadata %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop, !llvm.loop !0
exit:
  ret void
}

!0 = distinct !{!0, !1}
!1 = !{!"llvm.loop.mustprogress"}

; CHECK: br i1 %done, label %exit, label %loop{{$}}
; CHECK-NOT: llvm.loop
