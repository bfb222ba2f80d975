; dpex-spir-omit-sub-group-callers: a kernel using a sub-group operation
; (an OpenCL 2.0 sub-group built-in after the read-back: sub_group_*,
; get_sub_group_*, intel_sub_group_*) is left out and named with the reason
; in !dpex.omitted_kernels, as is one requiring a sub-group size
; (!intel_reqd_sub_group_size); the other kernels stay, declarations no one
; calls go.
; RUN: dpex-opt -passes=dpex-spir-omit-sub-group-callers %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z20sub_group_reduce_addi(i32)
declare spir_func i32 @_Z23intel_sub_group_shuffleij(i32, i32)
declare spir_func i64 @_Z13get_global_idj(i32)

define spir_kernel void @reduce(i32 addrspace(1)* %p) {
entry:
  %x = load i32, i32 addrspace(1)* %p
  %r = call spir_func i32 @_Z20sub_group_reduce_addi(i32 %x)
  store i32 %r, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @shuffle(i32 addrspace(1)* %p) {
entry:
  %x = load i32, i32 addrspace(1)* %p
  %r = call spir_func i32 @_Z23intel_sub_group_shuffleij(i32 %x, i32 1)
  store i32 %r, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @sized(i32 addrspace(1)* %p) !intel_reqd_sub_group_size !0 {
entry:
  store i32 1, i32 addrspace(1)* %p
  ret void
}

define spir_kernel void @plain(i32 addrspace(1)* %p) {
entry:
  %i = call spir_func i64 @_Z13get_global_idj(i32 0)
  %v = trunc i64 %i to i32
  store i32 %v, i32 addrspace(1)* %p
  ret void
}

; CHECK-NOT: define {{.*}}@sized(
; CHECK-NOT: {{(declare|define|call) .*@[^(]*sub_group}}
; CHECK: declare spir_func i64 @_Z13get_global_idj(
; CHECK-NOT: {{(declare|define|call) .*@[^(]*sub_group}}
; CHECK: define spir_kernel void @plain(
; CHECK-NOT: define {{.*}}@sized(
; CHECK: !dpex.omitted_kernels = !{![[R:[0-9]+]], ![[S:[0-9]+]], ![[Z:[0-9]+]]}
; CHECK: ![[R]] = !{!"reduce", !"it uses a sub-group operation (the OpenCL built-in '_Z20sub_group_reduce_addi'), which the SPIR image does not implement (PoCL has no sub-groups)"}
; CHECK: ![[S]] = !{!"shuffle", !"it uses a sub-group operation (the OpenCL built-in '_Z23intel_sub_group_shuffleij'){{.*}}"}
; CHECK: ![[Z]] = !{!"sized", !"it requires sub-groups of 16 work-items (DPEX_REQD_SUB_GROUP_SIZE), which the SPIR image does not implement{{.*}}"}

!0 = !{i32 16}
