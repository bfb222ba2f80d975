; dpex-nvptx-lower-sub-group-collectives: a sub-group reduction is a
; shfl.sync.down tree whose steps combine only values of the sub-group's
; lanes (lane + delta < size), then lane 0's result broadcast; an inclusive
; scan a shfl.sync.up tree (lane >= delta); an exclusive scan the inclusive
; one moved up a lane, the op's identity in lane 0. The integer ops take
; their signedness from the mangled name (i, l signed; j, m unsigned).
; RUN: dpex-opt -passes=dpex-nvptx-lower-sub-group-collectives %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z20sub_group_reduce_addi(i32)
declare spir_func i64 @_Z28sub_group_scan_inclusive_maxm(i64)
declare spir_func float @_Z28sub_group_scan_exclusive_minf(float)
declare spir_func i32 @_Z28sub_group_scan_exclusive_maxi(i32)

define spir_kernel void @reduce(i32 %x) {
entry:
  %r = call spir_func i32 @_Z20sub_group_reduce_addi(i32 %x)
  ret void
}

; CHECK-LABEL: define spir_kernel void @reduce(
; CHECK: [[MASK:%sg.mask]] = lshr i32 -1,
; CHECK: [[LANE:%[0-9]+]] = call spir_func i32 @_Z22get_sub_group_local_idv()
; CHECK: [[SIZE:%[0-9]+]] = call spir_func i32 @_Z18get_sub_group_sizev()
; CHECK: [[Y16:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.down.i32(i32 [[MASK]], i32 %x, i32 16, i32 31)
; CHECK: [[L16:%[0-9]+]] = add i32 [[LANE]], 16
; CHECK: [[IN16:%[0-9]+]] = icmp ult i32 [[L16]], [[SIZE]]
; CHECK: [[S16:%[0-9]+]] = add i32 %x, [[Y16]]
; CHECK: [[X16:%[0-9]+]] = select i1 [[IN16]], i32 [[S16]], i32 %x
; CHECK: call i32 @llvm.nvvm.shfl.sync.down.i32(i32 [[MASK]], i32 [[X16]], i32 8, i32 31)
; CHECK: call i32 @llvm.nvvm.shfl.sync.down.i32({{.*}}, i32 4, i32 31)
; CHECK: call i32 @llvm.nvvm.shfl.sync.down.i32({{.*}}, i32 2, i32 31)
; CHECK: [[Y1:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.down.i32({{.*}}, i32 1, i32 31)
; CHECK: [[X1:%[0-9]+]] = select i1 {{%[0-9]+}}, i32 {{%[0-9]+}}, i32
; CHECK: call i32 @llvm.nvvm.shfl.sync.idx.i32(i32 [[MASK]], i32 [[X1]], i32 0, i32 31)
; CHECK-NEXT: ret void

define spir_kernel void @inclusive(i64 %x) {
entry:
  %r = call spir_func i64 @_Z28sub_group_scan_inclusive_maxm(i64 %x)
  ret void
}

; Each step shuffles both halves up, then takes the unsigned max.
; CHECK-LABEL: define spir_kernel void @inclusive(
; CHECK: [[LANE:%[0-9]+]] = call spir_func i32 @_Z22get_sub_group_local_idv()
; CHECK: call i32 @llvm.nvvm.shfl.sync.up.i32({{.*}}, i32 1, i32 0)
; CHECK: call i32 @llvm.nvvm.shfl.sync.up.i32({{.*}}, i32 1, i32 0)
; CHECK: [[HAS1:%[0-9]+]] = icmp uge i32 [[LANE]], 1
; CHECK: [[MAX1:%[0-9]+]] = call i64 @llvm.umax.i64(i64 %x,
; CHECK: select i1 [[HAS1]], i64 [[MAX1]], i64 %x
; CHECK: icmp uge i32 [[LANE]], 2
; CHECK: icmp uge i32 [[LANE]], 4
; CHECK: icmp uge i32 [[LANE]], 8
; CHECK: icmp uge i32 [[LANE]], 16
; CHECK-NOT: shfl
; CHECK: ret void

define spir_kernel void @exclusive(float %x, i32 %i) {
entry:
  %r = call spir_func float @_Z28sub_group_scan_exclusive_minf(float %x)
  %s = call spir_func i32 @_Z28sub_group_scan_exclusive_maxi(i32 %i)
  ret void
}

; CHECK-LABEL: define spir_kernel void @exclusive(
; CHECK: [[LANE:%[0-9]+]] = call spir_func i32 @_Z22get_sub_group_local_idv()
; CHECK: call float @llvm.minnum.f32(
; CHECK: icmp uge i32 [[LANE]], 16
; CHECK: [[INCL:%[0-9]+]] = select i1 {{%[0-9]+}}, float
; CHECK: [[I32:%[0-9]+]] = bitcast float [[INCL]] to i32
; CHECK: [[UP:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.up.i32({{.*}}, i32 [[I32]], i32 1, i32 0)
; CHECK: [[BEFORE:%[0-9]+]] = bitcast i32 [[UP]] to float
; CHECK: [[FIRST:%[0-9]+]] = icmp eq i32 [[LANE]], 0
; CHECK: select i1 [[FIRST]], float 0x7FF0000000000000, float [[BEFORE]]
; Signed int max: identity INT_MIN.
; CHECK: call i32 @llvm.smax.i32(
; CHECK: select i1 {{%[0-9]+}}, i32 -2147483648, i32
; CHECK-NOT: sub_group_reduce
; CHECK-NOT: sub_group_scan
