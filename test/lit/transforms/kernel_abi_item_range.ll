; dpex-lower-kernel-abi gives an item<3> kernel's entry the user's range as
; three trailing i64 arguments in dpex order: dpex dimension d is stored in the
; item's range_[d] and compared with backend dimension 2-d's global id, and a
; work-item outside the range in any dimension returns before the body runs. An
; nd_item kernel gets no range arguments: it runs exactly as launched. A
; kernel.hpp whose item does not hold size_t[N] is an error, not a guess.
; RUN: dpex-opt -passes=dpex-lower-kernel-abi %s -o - | FileCheck %s
; RUN: sed -e 's/{ \[3 x i64\] }/{ i8 }/' %s > %t.ll
; RUN: not dpex-opt -passes=dpex-lower-kernel-abi %t.ll -o /dev/null 2>&1 | FileCheck %s --check-prefix=LAYOUT

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spir64-unknown-unknown"

%"class.dpex::item" = type { [3 x i64] }
%"class.dpex::nd_item" = type { i8 }

define dso_local spir_func void @cube(%"class.dpex::item"* noundef byval(%"class.dpex::item") align 8 %it, i32 addrspace(4)* noundef %out) {
entry:
  store i32 1, i32 addrspace(4)* %out, align 4
  ret void
}

define dso_local spir_func void @groups(%"class.dpex::nd_item"* noundef byval(%"class.dpex::nd_item") align 1 %it, i32 addrspace(4)* noundef %out) {
entry:
  store i32 2, i32 addrspace(4)* %out, align 4
  ret void
}

!dpex.kernels = !{!0, !3}
!0 = !{void (%"class.dpex::item"*, i32 addrspace(4)*)* @cube, !"cube", !"item", i32 3, !1}
!1 = !{!2, !5}
!2 = !{!"index", !"it", i1 false}
!3 = !{void (%"class.dpex::nd_item"*, i32 addrspace(4)*)* @groups, !"groups", !"nd_item", i32 3, !4}
!4 = !{!2, !5}
!5 = !{!"global_pointer", !"out", i1 false}

; CHECK: define spir_kernel void @cube(i32 addrspace(1)* noundef %out, i64 %__dpex_range0, i64 %__dpex_range1, i64 %__dpex_range2)
; CHECK: %[[F0:[0-9]+]] = getelementptr inbounds %"class.dpex::item", %"class.dpex::item"* %index, i32 0, i32 0, i32 0
; CHECK-NEXT: store i64 %__dpex_range0, i64* %[[F0]]
; CHECK-NEXT: %[[ID0:[0-9]+]] = call spir_func i64 @__dpex_global_id(i32 2)
; CHECK-NEXT: %[[B0:[0-9]+]] = icmp uge i64 %[[ID0]], %__dpex_range0
; CHECK: store i64 %__dpex_range1,
; CHECK-NEXT: %[[ID1:[0-9]+]] = call spir_func i64 @__dpex_global_id(i32 1)
; CHECK-NEXT: %[[B1:[0-9]+]] = icmp uge i64 %[[ID1]], %__dpex_range1
; CHECK-NEXT: %[[O1:[0-9]+]] = or i1 %[[B0]], %[[B1]]
; CHECK: store i64 %__dpex_range2,
; CHECK-NEXT: %[[ID2:[0-9]+]] = call spir_func i64 @__dpex_global_id(i32 0)
; CHECK-NEXT: %[[B2:[0-9]+]] = icmp uge i64 %[[ID2]], %__dpex_range2
; CHECK-NEXT: %[[O2:[0-9]+]] = or i1 %[[O1]], %[[B2]]
; CHECK-NEXT: br i1 %[[O2]], label %out.of.range, label %in.range
; CHECK: define spir_kernel void @groups(i32 addrspace(1)* noundef %out) #
; CHECK-NOT: __dpex_range
; CHECK: call spir_func void @groups.body(

; LAYOUT: error: kernel 'cube': dpex::item does not hold its range as size_t[3]; kernel.hpp and dpexc disagree
