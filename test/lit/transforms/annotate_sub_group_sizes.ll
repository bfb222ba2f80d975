; dpex-annotate-sub-group-sizes: a function annotated
; "dpex.reqd_sub_group_size" with an integer (DPEX_REQD_SUB_GROUP_SIZE(n))
; gets !intel_reqd_sub_group_size !{i32 n}; other annotations change nothing.
; RUN: dpex-opt -passes=dpex-annotate-sub-group-sizes %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

@.kernel = private unnamed_addr addrspace(1) constant [12 x i8] c"dpex.kernel\00", section "llvm.metadata"
@.size = private unnamed_addr addrspace(1) constant [25 x i8] c"dpex.reqd_sub_group_size\00", section "llvm.metadata"
@.file = private unnamed_addr addrspace(1) constant [6 x i8] c"k.cpp\00", section "llvm.metadata"
@.args = private unnamed_addr addrspace(1) constant { i32 } { i32 16 }, section "llvm.metadata"
@llvm.global.annotations = appending global [3 x { i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* }] [
  { i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* } { i8 addrspace(4)* addrspacecast (i8* bitcast (void ()* @sized to i8*) to i8 addrspace(4)*), i8 addrspace(1)* getelementptr inbounds ([12 x i8], [12 x i8] addrspace(1)* @.kernel, i32 0, i32 0), i8 addrspace(1)* getelementptr inbounds ([6 x i8], [6 x i8] addrspace(1)* @.file, i32 0, i32 0), i32 3, i8 addrspace(1)* null },
  { i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* } { i8 addrspace(4)* addrspacecast (i8* bitcast (void ()* @sized to i8*) to i8 addrspace(4)*), i8 addrspace(1)* getelementptr inbounds ([25 x i8], [25 x i8] addrspace(1)* @.size, i32 0, i32 0), i8 addrspace(1)* getelementptr inbounds ([6 x i8], [6 x i8] addrspace(1)* @.file, i32 0, i32 0), i32 3, i8 addrspace(1)* bitcast ({ i32 } addrspace(1)* @.args to i8 addrspace(1)*) },
  { i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* } { i8 addrspace(4)* addrspacecast (i8* bitcast (void ()* @plain to i8*) to i8 addrspace(4)*), i8 addrspace(1)* getelementptr inbounds ([12 x i8], [12 x i8] addrspace(1)* @.kernel, i32 0, i32 0), i8 addrspace(1)* getelementptr inbounds ([6 x i8], [6 x i8] addrspace(1)* @.file, i32 0, i32 0), i32 7, i8 addrspace(1)* null }
], section "llvm.metadata"

define void @sized() {
entry:
  ret void
}

define void @plain() {
entry:
  ret void
}

; CHECK: define void @sized() !intel_reqd_sub_group_size ![[N:[0-9]+]] {
; CHECK: define void @plain() {
; CHECK: ![[N]] = !{i32 16}
