; dpex-lower-kernel-abi: a struct passed by value keeps its byval pointer
; parameter, and the OpenCL argument metadata names the struct, not the pointer.
; RUN: dpex-opt -passes=dpex-lower-kernel-abi %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

%"class.dpex::item" = type { [1 x i64] }
%struct.Pod = type { float, i32 }

define spir_func void @_Z1kN4dpex4itemILi1EEE3Pod(%"class.dpex::item"* byval(%"class.dpex::item") %it, %struct.Pod* byval(%struct.Pod) %p) {
entry:
  ret void
}

!dpex.kernels = !{!0}
!0 = !{void (%"class.dpex::item"*, %struct.Pod*)* @_Z1kN4dpex4itemILi1EEE3Pod, !"_Z1kN4dpex4itemILi1EEE3Pod", !"item", i32 1, !1}
!1 = !{!2, !3}
!2 = !{!"index", !"it", i1 false}
!3 = !{!"by_value", !"p", i1 false}

; CHECK: define spir_kernel void @_Z1kN4dpex4itemILi1EEE3Pod(%struct.Pod* byval(%struct.Pod) %p, i64 %__dpex_range0) {{.*}}!kernel_arg_type ![[TY:[0-9]+]]
; CHECK: ![[TY]] = !{!"struct Pod", !"ulong"}
