; dpex-nvptx-lower-sub-group-collectives<sm_80>: on sm_80 and newer a
; reduction of 32-bit integers is one redux.sync over the sub-group's member
; mask (signedness from the mangled name: i signed, j unsigned); 64-bit and
; float reductions and the scans stay shfl.sync trees. For older archs (the
; pass's default, sm_50) every reduction is the tree.
; RUN: dpex-opt -passes='dpex-nvptx-lower-sub-group-collectives<sm_80>' %s -o - | FileCheck --check-prefix=SM80 %s
; RUN: dpex-opt -passes=dpex-nvptx-lower-sub-group-collectives %s -o - | FileCheck --check-prefix=OLD %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z20sub_group_reduce_addi(i32)
declare spir_func i32 @_Z20sub_group_reduce_addj(i32)
declare spir_func i32 @_Z20sub_group_reduce_mini(i32)
declare spir_func i32 @_Z20sub_group_reduce_minj(i32)
declare spir_func i32 @_Z20sub_group_reduce_maxi(i32)
declare spir_func i32 @_Z20sub_group_reduce_maxj(i32)
declare spir_func i64 @_Z20sub_group_reduce_addl(i64)
declare spir_func float @_Z20sub_group_reduce_maxf(float)
declare spir_func i32 @_Z28sub_group_scan_inclusive_addi(i32)

define spir_kernel void @int32(i32 %x, ptr addrspace(1) %out) {
entry:
  %a = call spir_func i32 @_Z20sub_group_reduce_addi(i32 %x)
  store i32 %a, ptr addrspace(1) %out
  %b = call spir_func i32 @_Z20sub_group_reduce_addj(i32 %x)
  store i32 %b, ptr addrspace(1) %out
  %c = call spir_func i32 @_Z20sub_group_reduce_mini(i32 %x)
  store i32 %c, ptr addrspace(1) %out
  %d = call spir_func i32 @_Z20sub_group_reduce_minj(i32 %x)
  store i32 %d, ptr addrspace(1) %out
  %e = call spir_func i32 @_Z20sub_group_reduce_maxi(i32 %x)
  store i32 %e, ptr addrspace(1) %out
  %f = call spir_func i32 @_Z20sub_group_reduce_maxj(i32 %x)
  store i32 %f, ptr addrspace(1) %out
  ret void
}

; SM80-LABEL: define spir_kernel void @int32(
; SM80-NOT: shfl.sync
; SM80: [[MASK:%sg.mask[0-9]*]] = lshr i32 -1,
; SM80-NEXT: [[R:%[0-9]+]] = call i32 @llvm.nvvm.redux.sync.add(i32 %x, i32 [[MASK]])
; SM80-NEXT: store i32 [[R]], ptr addrspace(1) %out
; SM80: call i32 @llvm.nvvm.redux.sync.add(i32 %x,
; SM80: call i32 @llvm.nvvm.redux.sync.min(i32 %x,
; SM80: call i32 @llvm.nvvm.redux.sync.umin(i32 %x,
; SM80: call i32 @llvm.nvvm.redux.sync.max(i32 %x,
; SM80: call i32 @llvm.nvvm.redux.sync.umax(i32 %x,
; SM80-NOT: shfl.sync
; SM80: ret void

; OLD-LABEL: define spir_kernel void @int32(
; OLD-NOT: redux.sync
; OLD: call i32 @llvm.nvvm.shfl.sync.down.i32({{.*}}, i32 %x, i32 16, i32 31)
; OLD: call i32 @llvm.nvvm.shfl.sync.idx.i32(
; OLD: ret void

define spir_kernel void @wide(i64 %l, float %f, i32 %x, ptr addrspace(1) %out) {
entry:
  %a = call spir_func i64 @_Z20sub_group_reduce_addl(i64 %l)
  store i64 %a, ptr addrspace(1) %out
  %b = call spir_func float @_Z20sub_group_reduce_maxf(float %f)
  store float %b, ptr addrspace(1) %out
  %c = call spir_func i32 @_Z28sub_group_scan_inclusive_addi(i32 %x)
  store i32 %c, ptr addrspace(1) %out
  ret void
}

; SM80-LABEL: define spir_kernel void @wide(
; SM80-NOT: redux.sync
; SM80: call i32 @llvm.nvvm.shfl.sync.down.i32({{.*}}, i32 16, i32 31)
; SM80: call i32 @llvm.nvvm.shfl.sync.idx.i32(
; SM80: call float @llvm.maxnum.f32(
; SM80: call i32 @llvm.nvvm.shfl.sync.idx.i32(
; SM80: call i32 @llvm.nvvm.shfl.sync.up.i32({{.*}}, i32 %x, i32 1, i32 0)
; SM80-NOT: redux.sync
; SM80: ret void

; OLD-NOT: redux.sync
