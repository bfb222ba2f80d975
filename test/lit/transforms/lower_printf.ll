; dpex-lower-printf copies printf's format and string arguments into the
; constant address space (2) and retypes the __spirv_ocl_printf declaration
; to take them there, keeping its name.
; RUN: dpex-opt -passes=dpex-lower-printf %s -o - | FileCheck %s
; RUN: not dpex-opt -passes=dpex-lower-printf %S/Inputs/printf_runtime_format.ll -o /dev/null 2>&1 | FileCheck --check-prefix=ERR %s

target triple = "spir64-unknown-unknown"

@.str = private unnamed_addr addrspace(1) constant [7 x i8] c"%d %s\0A\00", align 1
@.name = private unnamed_addr addrspace(1) constant [3 x i8] c"ok\00", align 1

; CHECK-DAG: @.str.format = private unnamed_addr addrspace(2) constant [7 x i8] c"%d %s\0A\00", align 1
; CHECK-DAG: @.name.format = private unnamed_addr addrspace(2) constant [3 x i8] c"ok\00", align 1
define spir_func void @k(i32 %v) {
; CHECK: call spir_func i32 @_Z18__spirv_ocl_printfIJiPKcEEiS1_DpT_(i8 addrspace(2)* getelementptr inbounds ([7 x i8], [7 x i8] addrspace(2)* @.str.format, i32 0, i32 0), i32 %v, i8 addrspace(2)* getelementptr inbounds ([3 x i8], [3 x i8] addrspace(2)* @.name.format, i32 0, i32 0))
  %call = call spir_func i32 @_Z18__spirv_ocl_printfIJiPKcEEiS1_DpT_(i8 addrspace(4)* addrspacecast (i8 addrspace(1)* getelementptr inbounds ([7 x i8], [7 x i8] addrspace(1)* @.str, i64 0, i64 0) to i8 addrspace(4)*), i32 %v, i8 addrspace(4)* addrspacecast (i8 addrspace(1)* getelementptr inbounds ([3 x i8], [3 x i8] addrspace(1)* @.name, i64 0, i64 0) to i8 addrspace(4)*))
  ret void
}
; CHECK: declare spir_func i32 @_Z18__spirv_ocl_printfIJiPKcEEiS1_DpT_(i8 addrspace(2)*, i32, i8 addrspace(2)*)
declare spir_func i32 @_Z18__spirv_ocl_printfIJiPKcEEiS1_DpT_(i8 addrspace(4)*, i32, i8 addrspace(4)*)

; ERR: error: dpex::printf: the format and %s arguments must be string literals
