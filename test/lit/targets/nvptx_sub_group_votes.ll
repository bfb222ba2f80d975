; dpex-nvptx-lower-sub-group-votes: sub_group_any and sub_group_all become
; vote.sync.any/all over the sub-group's member mask, their int result 0 or 1.
; RUN: dpex-opt -passes=dpex-nvptx-lower-sub-group-votes %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z13sub_group_anyi(i32)
declare spir_func i32 @_Z13sub_group_alli(i32)

define spir_kernel void @k(i32 %p, i32 addrspace(1)* %out) {
entry:
  %a = call spir_func i32 @_Z13sub_group_anyi(i32 %p)
  %b = call spir_func i32 @_Z13sub_group_alli(i32 %p)
  %s = add i32 %a, %b
  store i32 %s, i32 addrspace(1)* %out
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: [[M0:%sg.mask[0-9]*]] = lshr i32 -1,
; CHECK: [[P0:%[0-9]+]] = icmp ne i32 %p, 0
; CHECK: [[V0:%[0-9]+]] = call i1 @llvm.nvvm.vote.any.sync(i32 [[M0]], i1 [[P0]])
; CHECK: [[A:%[0-9]+]] = zext i1 [[V0]] to i32
; CHECK: [[M1:%sg.mask[0-9]*]] = lshr i32 -1,
; CHECK: [[P1:%[0-9]+]] = icmp ne i32 %p, 0
; CHECK: [[V1:%[0-9]+]] = call i1 @llvm.nvvm.vote.all.sync(i32 [[M1]], i1 [[P1]])
; CHECK: [[B:%[0-9]+]] = zext i1 [[V1]] to i32
; CHECK: %s = add i32 [[A]], [[B]]
; CHECK-NOT: sub_group_a
