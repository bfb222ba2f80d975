; dpex-lower-kernel-abi wraps each kernel listed in !dpex.kernels in a
; spir_kernel entry that takes the kernel's name: the index parameter
; disappears, pointers become CrossWorkgroup (addrspace 1), bool becomes i8, a
; local accessor becomes a Workgroup (addrspace 3) pointer, structs stay byval.
; The user's function is renamed <entry>.body, made internal and called. An item
; kernel's entry also takes the user's range (one i64 per dimension, last),
; stores it in the item and returns at once outside it.
; RUN: dpex-opt -passes=dpex-lower-kernel-abi %s -o - | FileCheck %s

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spir64-unknown-unknown"

%"class.dpex::item" = type { [1 x i64] }
%"class.dpex::local_accessor" = type { float addrspace(4)* }
%struct.Pod = type { float, i32 }

define dso_local spir_func void @kern(%"class.dpex::item"* noundef byval(%"class.dpex::item") align 1 %it, float noundef %a, float addrspace(4)* noundef %x, i32 addrspace(4)* noundef %y, i1 noundef zeroext %flag, %"class.dpex::local_accessor"* noundef byval(%"class.dpex::local_accessor") align 8 %tile, %struct.Pod* noundef byval(%struct.Pod) align 4 %p) {
entry:
  %id = call spir_func i64 @__dpex_global_id(i32 noundef 0)
  %px = getelementptr inbounds float, float addrspace(4)* %x, i64 %id
  %v = load float, float addrspace(4)* %px, align 4
  %m = fmul float %v, %a
  %sel = select i1 %flag, float %m, float %v
  %fi = fptosi float %sel to i32
  %py = getelementptr inbounds i32, i32 addrspace(4)* %y, i64 %id
  store i32 %fi, i32 addrspace(4)* %py, align 4
  ret void
}

declare spir_func i64 @__dpex_global_id(i32 noundef)

!dpex.kernels = !{!0}
!0 = !{void (%"class.dpex::item"*, float, float addrspace(4)*, i32 addrspace(4)*, i1, %"class.dpex::local_accessor"*, %struct.Pod*)* @kern, !"kern", !"item", i32 1, !1}
!1 = !{!2, !3, !4, !5, !6, !7, !8}
!2 = !{!"index", !"it", i1 false}
!3 = !{!"scalar", !"a", i1 false}
!4 = !{!"global_pointer", !"x", i1 true}
!5 = !{!"global_pointer", !"y", i1 false}
!6 = !{!"boolean", !"flag", i1 false}
!7 = !{!"local_accessor", !"tile", i1 false}
!8 = !{!"by_value", !"p", i1 false}

; The metadata is consumed.
; CHECK-NOT: !dpex.kernels
; CHECK: define internal spir_func void @kern.body(%"class.dpex::item"* {{.*}}byval(%"class.dpex::item") {{.*}}%it, float {{.*}}%a, float addrspace(4)* {{.*}}%x, i32 addrspace(4)* {{.*}}%y, i1 {{.*}}%flag,
; CHECK: define spir_kernel void @kern(float %a, float addrspace(1)* noundef %x, i32 addrspace(1)* noundef %y, i8 %flag, float addrspace(3)* %tile, %struct.Pod* byval(%struct.Pod) %p, i64 %__dpex_range0) #[[ATTRS:[0-9]+]] !kernel_arg_addr_space ![[AS:[0-9]+]] !kernel_arg_access_qual ![[ACC:[0-9]+]] !kernel_arg_type ![[TY:[0-9]+]] !kernel_arg_base_type ![[TY]] !kernel_arg_type_qual ![[QUAL:[0-9]+]] !kernel_arg_name ![[NAME:[0-9]+]] {
; CHECK-NEXT: entry:
; Allocas come first, so the SPIR-V validates at -O0 too.
; CHECK-NEXT: %tile.accessor = alloca %"class.dpex::local_accessor"
; CHECK-NEXT: %index = alloca %"class.dpex::item"
; CHECK-NEXT: %[[X:[0-9]+]] = addrspacecast float addrspace(1)* %x to float addrspace(4)*
; CHECK-NEXT: %[[Y:[0-9]+]] = addrspacecast i32 addrspace(1)* %y to i32 addrspace(4)*
; CHECK-NEXT: %[[FLAG:[0-9]+]] = icmp ne i8 %flag, 0
; CHECK-NEXT: %[[FIELD:[0-9]+]] = getelementptr inbounds %"class.dpex::local_accessor", %"class.dpex::local_accessor"* %tile.accessor, i32 0, i32 0
; CHECK-NEXT: %[[TILE:[0-9]+]] = addrspacecast float addrspace(3)* %tile to float addrspace(4)*
; CHECK-NEXT: store float addrspace(4)* %[[TILE]], float addrspace(4)** %[[FIELD]]
; CHECK-NEXT: %[[RANGE:[0-9]+]] = getelementptr inbounds %"class.dpex::item", %"class.dpex::item"* %index, i32 0, i32 0, i32 0
; CHECK-NEXT: store i64 %__dpex_range0, i64* %[[RANGE]]
; CHECK-NEXT: %[[ID:[0-9]+]] = call spir_func i64 @__dpex_global_id(i32 0)
; CHECK-NEXT: %[[OUT:[0-9]+]] = icmp uge i64 %[[ID]], %__dpex_range0
; CHECK-NEXT: br i1 %[[OUT]], label %out.of.range, label %in.range
; CHECK: in.range:
; CHECK-NEXT: call spir_func void @kern.body(%"class.dpex::item"* {{.*}}%index, float {{.*}}%a, float addrspace(4)* {{.*}}%[[X]], i32 addrspace(4)* {{.*}}%[[Y]], i1 {{.*}}%[[FLAG]], %"class.dpex::local_accessor"* {{.*}}%tile.accessor, %struct.Pod* {{.*}}%p)
; CHECK-NEXT: ret void
; CHECK: out.of.range:
; CHECK-NEXT: ret void
; CHECK: attributes #[[ATTRS]] = { norecurse nounwind }
; CHECK-DAG: ![[AS]] = !{i32 0, i32 1, i32 1, i32 0, i32 3, i32 0, i32 0}
; CHECK-DAG: ![[ACC]] = !{!"none", !"none", !"none", !"none", !"none", !"none", !"none"}
; CHECK-DAG: ![[TY]] = !{!"float", !"float*", !"int*", !"char", !"float*", !"struct Pod", !"ulong"}
; CHECK-DAG: ![[QUAL]] = !{!"", !"const", !"", !"", !"", !"", !""}
; CHECK-DAG: ![[NAME]] = !{!"a", !"x", !"y", !"flag", !"tile", !"p", !"__dpex_range0"}
