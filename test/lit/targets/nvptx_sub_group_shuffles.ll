; dpex-nvptx-lower-sub-group-shuffles: intel_sub_group_shuffle and
; sub_group_broadcast become shfl.sync.idx, intel_sub_group_shuffle_xor
; shfl.sync.bfly, with the sub-group's member mask (the lowest
; get_sub_group_size() lanes); a 64-bit value is two 32-bit shuffles. A
; vector shuffle, which dpex never emits, stays.
; RUN: dpex-opt -passes=dpex-nvptx-lower-sub-group-shuffles %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z23intel_sub_group_shuffleij(i32, i32)
declare spir_func double @_Z19sub_group_broadcastdj(double, i32)
declare spir_func float @_Z27intel_sub_group_shuffle_xorfj(float, i32)
declare spir_func <2 x i32> @_Z23intel_sub_group_shuffleDv2_ij(<2 x i32>, i32)

define spir_kernel void @k(i32 %x, double %d, float %f, <2 x i32> %v, i32 %l) {
entry:
  %a = call spir_func i32 @_Z23intel_sub_group_shuffleij(i32 %x, i32 %l)
  %b = call spir_func double @_Z19sub_group_broadcastdj(double %d, i32 3)
  %c = call spir_func float @_Z27intel_sub_group_shuffle_xorfj(float %f, i32 1)
  %e = call spir_func <2 x i32> @_Z23intel_sub_group_shuffleDv2_ij(<2 x i32> %v, i32 %l)
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: [[S0:%[0-9]+]] = call spir_func i32 @_Z18get_sub_group_sizev()
; CHECK: [[N0:%[0-9]+]] = sub i32 32, [[S0]]
; CHECK: [[M0:%sg.mask[0-9]*]] = lshr i32 -1, [[N0]]
; CHECK: call i32 @llvm.nvvm.shfl.sync.idx.i32(i32 [[M0]], i32 %x, i32 %l, i32 31)
; CHECK-NOT: @_Z23intel_sub_group_shuffleij
; CHECK: [[M1:%sg.mask[0-9]*]] = lshr i32 -1,
; CHECK: [[D:%[0-9]+]] = bitcast double %d to i64
; CHECK: [[LO:%[0-9]+]] = trunc i64 [[D]] to i32
; CHECK: [[LOS:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.idx.i32(i32 [[M1]], i32 [[LO]], i32 3, i32 31)
; CHECK: [[HI64:%[0-9]+]] = lshr i64 [[D]], 32
; CHECK: [[HI:%[0-9]+]] = trunc i64 [[HI64]] to i32
; CHECK: [[HIS:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.idx.i32(i32 [[M1]], i32 [[HI]], i32 3, i32 31)
; CHECK: [[LOW:%[0-9]+]] = zext i32 [[LOS]] to i64
; CHECK: [[HIW:%[0-9]+]] = zext i32 [[HIS]] to i64
; CHECK: [[HISH:%[0-9]+]] = shl i64 [[HIW]], 32
; CHECK: [[OR:%[0-9]+]] = or i64 [[LOW]], [[HISH]]
; CHECK: bitcast i64 [[OR]] to double
; CHECK: [[M2:%sg.mask[0-9]*]] = lshr i32 -1,
; CHECK: [[F:%[0-9]+]] = bitcast float %f to i32
; CHECK: [[FS:%[0-9]+]] = call i32 @llvm.nvvm.shfl.sync.bfly.i32(i32 [[M2]], i32 [[F]], i32 1, i32 31)
; CHECK: bitcast i32 [[FS]] to float
; CHECK: %e = call spir_func <2 x i32> @_Z23intel_sub_group_shuffleDv2_ij(
; CHECK-NOT: declare {{.*}}@_Z23intel_sub_group_shuffleij
; CHECK-NOT: declare {{.*}}@_Z19sub_group_broadcastdj
