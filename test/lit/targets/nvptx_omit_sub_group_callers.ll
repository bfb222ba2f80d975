; dpex-nvptx-omit-sub-group-callers: a kernel requiring sub-groups of other
; than 32 work-items (!intel_reqd_sub_group_size) is left out, named with
; the reason in !dpex.omitted_kernels, as is one still calling a sub-group
; built-in that the lowerings before this pass do not know; a kernel
; requiring 32 and the others stay, declarations no one calls go.
; RUN: dpex-opt -passes=dpex-nvptx-omit-sub-group-callers %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z28intel_sub_group_shuffle_downiij(i32, i32, i32)
declare spir_func i64 @_Z13get_global_idj(i32)

define spir_kernel void @sized8(i32 addrspace(1)* %p) !intel_reqd_sub_group_size !0 {
entry:
  store i32 1, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @sized32(i32 addrspace(1)* %p) !intel_reqd_sub_group_size !1 {
entry:
  store i32 2, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @unknown(i32 addrspace(1)* %p) {
entry:
  %x = load i32, i32 addrspace(1)* %p
  %r = call spir_func i32 @_Z28intel_sub_group_shuffle_downiij(i32 %x, i32 %x, i32 1)
  store i32 %r, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @plain(i32 addrspace(1)* %p) {
entry:
  %i = call spir_func i64 @_Z13get_global_idj(i32 0)
  %v = trunc i64 %i to i32
  store i32 %v, i32 addrspace(1)* %p
  ret void
}

; CHECK-NOT: define {{.*}}@sized8(
; CHECK-NOT: intel_sub_group_shuffle_down
; CHECK: declare spir_func i64 @_Z13get_global_idj(
; CHECK: define spir_kernel void @sized32(
; CHECK: define spir_kernel void @plain(
; CHECK-NOT: define {{.*}}@unknown(
; CHECK: !dpex.omitted_kernels = !{![[S:[0-9]+]], ![[U:[0-9]+]]}
; CHECK: ![[S]] = !{!"sized8", !"it requires sub-groups of 8 work-items (DPEX_REQD_SUB_GROUP_SIZE), and the PTX image's sub-groups are warps of 32"}
; CHECK: ![[U]] = !{!"unknown", !"it uses the sub-group operation '_Z28intel_sub_group_shuffle_downiij' (an OpenCL built-in), which the PTX image does not implement"}

!0 = !{i32 8}
!1 = !{i32 32}
