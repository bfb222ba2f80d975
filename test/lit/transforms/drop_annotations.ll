; dpex-drop-annotations: DPEX_KERNEL's annotations go, with the strings only
; they used; a string the code still uses stays.
; RUN: dpex-opt -passes=dpex-drop-annotations %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

@.str = private unnamed_addr addrspace(1) constant [12 x i8] c"dpex_kernel\00", section "llvm.metadata"
@.file = private unnamed_addr addrspace(1) constant [6 x i8] c"k.cpp\00", section "llvm.metadata"
@used = private unnamed_addr addrspace(1) constant [3 x i8] c"hi\00", section "llvm.metadata"
@llvm.global.annotations = appending global [1 x { i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* }] [{ i8 addrspace(4)*, i8 addrspace(1)*, i8 addrspace(1)*, i32, i8 addrspace(1)* } { i8 addrspace(4)* addrspacecast (i8* bitcast (void ()* @k to i8*) to i8 addrspace(4)*), i8 addrspace(1)* getelementptr inbounds ([12 x i8], [12 x i8] addrspace(1)* @.str, i32 0, i32 0), i8 addrspace(1)* getelementptr inbounds ([6 x i8], [6 x i8] addrspace(1)* @.file, i32 0, i32 0), i32 3, i8 addrspace(1)* null }], section "llvm.metadata"

define void @k() {
entry:
  %c = load i8, i8 addrspace(1)* getelementptr inbounds ([3 x i8], [3 x i8] addrspace(1)* @used, i32 0, i32 0)
  ret void
}

; CHECK-NOT: @llvm.global.annotations
; CHECK-NOT: @.str
; CHECK-NOT: @.file
; CHECK: @used =
; CHECK: define void @k()
