; Malformed !dpex.kernels metadata is an error that says what is wrong, and
; the module is left as it was.
; RUN: split-file %s %t
; RUN: not dpex-opt -passes=dpex-lower-kernel-abi %t/arity.ll -o /dev/null 2>&1 | FileCheck --check-prefix=ARITY %s
; RUN: not dpex-opt -passes=dpex-lower-kernel-abi %t/param_count.ll -o /dev/null 2>&1 | FileCheck --check-prefix=COUNT %s
; RUN: not dpex-opt -passes=dpex-lower-kernel-abi %t/kind.ll -o /dev/null 2>&1 | FileCheck --check-prefix=KIND %s
; ARITY: error: malformed !dpex.kernels metadata: a kernel node needs 5 operands
; COUNT: error: malformed !dpex.kernels metadata: kernel 'k' has 2 parameters, metadata lists 1
; KIND: error: malformed !dpex.kernels metadata: unknown parameter kind 'texture'

;--- arity.ll
%"class.dpex::item" = type { i8 }
define spir_func void @k(%"class.dpex::item"* byval(%"class.dpex::item") %it, float addrspace(4)* %x) {
  ret void
}
!dpex.kernels = !{!0}
!0 = !{void (%"class.dpex::item"*, float addrspace(4)*)* @k, !"k", !"item"}

;--- param_count.ll
%"class.dpex::item" = type { i8 }
define spir_func void @k(%"class.dpex::item"* byval(%"class.dpex::item") %it, float addrspace(4)* %x) {
  ret void
}
!dpex.kernels = !{!0}
!0 = !{void (%"class.dpex::item"*, float addrspace(4)*)* @k, !"k", !"item", i32 1, !1}
!1 = !{!2}
!2 = !{!"index", !"it", i1 false}

;--- kind.ll
%"class.dpex::item" = type { i8 }
define spir_func void @k(%"class.dpex::item"* byval(%"class.dpex::item") %it, float addrspace(4)* %x) {
  ret void
}
!dpex.kernels = !{!0}
!0 = !{void (%"class.dpex::item"*, float addrspace(4)*)* @k, !"k", !"item", i32 1, !1}
!1 = !{!2, !3}
!2 = !{!"index", !"it", i1 false}
!3 = !{!"texture", !"x", i1 false}
