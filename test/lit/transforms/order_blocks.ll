; dpex-order-blocks lays blocks out in reverse post-order, so each block
; follows its dominators, as SPIR-V requires; the CFG is unchanged.
; RUN: dpex-opt -passes=dpex-order-blocks %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

; %exit is laid out before %body, which dominates it.
define spir_func i32 @loop(i32 %n) {
; CHECK-LABEL: define spir_func i32 @loop(
; CHECK: entry:
; CHECK: br label %body
; CHECK: body:
; CHECK: br i1 %done, label %exit, label %body
; CHECK: exit:
; CHECK: ret i32 %i.next
entry:
  br label %body
exit:
  ret i32 %i.next
body:
  %i = phi i32 [ 0, %entry ], [ %i.next, %body ]
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %body
}
