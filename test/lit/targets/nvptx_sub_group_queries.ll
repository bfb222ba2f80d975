; dpex-nvptx-lower-sub-group-queries: a sub-group is a warp, 32 work-items
; consecutive in the linear local id (x + ntid.x * (y + ntid.y * z)): the
; local id is the lane, the id the linear id / 32, the count
; ceil(work-group size / 32), the size 32 but for a partial last sub-group
; (the work-group size - its first linear id), the largest size 32.
; RUN: dpex-opt -passes=dpex-nvptx-lower-sub-group-queries %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z22get_sub_group_local_idv()
declare spir_func i32 @_Z16get_sub_group_idv()
declare spir_func i32 @_Z18get_num_sub_groupsv()
declare spir_func i32 @_Z18get_sub_group_sizev()
declare spir_func i32 @_Z22get_max_sub_group_sizev()

define spir_kernel void @k(i32 addrspace(1)* %out) {
entry:
  %l = call spir_func i32 @_Z22get_sub_group_local_idv()
  store volatile i32 %l, i32 addrspace(1)* %out
  %i = call spir_func i32 @_Z16get_sub_group_idv()
  store volatile i32 %i, i32 addrspace(1)* %out
  %n = call spir_func i32 @_Z18get_num_sub_groupsv()
  store volatile i32 %n, i32 addrspace(1)* %out
  %s = call spir_func i32 @_Z18get_sub_group_sizev()
  store volatile i32 %s, i32 addrspace(1)* %out
  %m = call spir_func i32 @_Z22get_max_sub_group_sizev()
  store volatile i32 %m, i32 addrspace(1)* %out
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK: [[LANE:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.laneid()
; CHECK-NEXT: store volatile i32 [[LANE]],

; CHECK: [[TX:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.tid.x()
; CHECK: [[TY:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.tid.y()
; CHECK: [[TZ:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.tid.z()
; CHECK: [[NX:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.ntid.x()
; CHECK: [[NY:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.ntid.y()
; CHECK: [[NYTZ:%[0-9]+]] = mul i32 [[NY]], [[TZ]]
; CHECK: [[YZ:%[0-9]+]] = add i32 [[TY]], [[NYTZ]]
; CHECK: [[NXYZ:%[0-9]+]] = mul i32 [[NX]], [[YZ]]
; CHECK: [[LIN:%local.linear.id[0-9]*]] = add i32 [[TX]], [[NXYZ]]
; CHECK: [[ID:%[0-9]+]] = lshr i32 [[LIN]], 5
; CHECK-NEXT: store volatile i32 [[ID]],

; CHECK: [[WX:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.ntid.x()
; CHECK: [[WY:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.ntid.y()
; CHECK: [[WZ:%[0-9]+]] = call i32 @llvm.nvvm.read.ptx.sreg.ntid.z()
; CHECK: [[WXY:%[0-9]+]] = mul i32 [[WX]], [[WY]]
; CHECK: [[WG:%wg.size[0-9]*]] = mul i32 [[WXY]], [[WZ]]
; CHECK: [[WG31:%[0-9]+]] = add i32 [[WG]], 31
; CHECK: [[NUM:%[0-9]+]] = lshr i32 [[WG31]], 5
; CHECK-NEXT: store volatile i32 [[NUM]],

; CHECK: [[LIN2:%local.linear.id[0-9]*]] = add i32
; CHECK: [[FIRST:%[0-9]+]] = and i32 [[LIN2]], -32
; CHECK: [[WG2:%wg.size[0-9]*]] = mul i32
; CHECK: [[LEFT:%[0-9]+]] = sub i32 [[WG2]], [[FIRST]]
; CHECK: [[SIZE:%[0-9]+]] = call i32 @llvm.umin.i32(i32 32, i32 [[LEFT]])
; CHECK-NEXT: store volatile i32 [[SIZE]],

; CHECK: store volatile i32 32,
; CHECK-NOT: sub_group
