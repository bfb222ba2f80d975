; dpex-nvptx-lower-printf: OpenCL printf becomes the CUDA driver's
; vprintf(format, args), the arguments packed in a struct on the stack; the
; constant-space strings, which dpex-nvptx-map-address-spaces moved from
; SPIR's constant space (2) to NVPTX's (4), are passed as generic pointers.
; dpex-opt runs them on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-map-address-spaces,dpex-nvptx-lower-printf %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-nvptx-map-address-spaces,dpex-nvptx-lower-printf %s -o - | FileCheck --check-prefix=GONE %s

target triple = "spir64-unknown-unknown"

@format = internal addrspace(2) constant [9 x i8] c"%d %f %s\00", align 1
@ok = internal addrspace(2) constant [3 x i8] c"ok\00", align 1

declare spir_func i32 @printf(i8 addrspace(2)*, ...)

define spir_kernel void @k(i32 %i, double %d) {
entry:
  %n = call spir_func i32 (i8 addrspace(2)*, ...) @printf(i8 addrspace(2)* getelementptr inbounds ([9 x i8], [9 x i8] addrspace(2)* @format, i64 0, i64 0), i32 %i, double %d, i8 addrspace(2)* getelementptr inbounds ([3 x i8], [3 x i8] addrspace(2)* @ok, i64 0, i64 0))
  ret void
}

; CHECK-DAG: @ok = internal addrspace(4) constant [3 x i8] c"ok\00", align 1
; CHECK-DAG: @format = internal addrspace(4) constant [9 x i8] c"%d %f %s\00", align 1
; CHECK-LABEL: define spir_kernel void @k(
; CHECK: %printf.args = alloca { i32, double, ptr }, align 8
; CHECK: store i32 %i, ptr %{{[0-9]+}}, align 4
; CHECK: store double %d, ptr %{{[0-9]+}}, align 8
; CHECK: store ptr addrspacecast (ptr addrspace(4) @ok to ptr), ptr %{{[0-9]+}}, align 8
; CHECK: call i32 @vprintf(ptr addrspacecast (ptr addrspace(4) @format to ptr), ptr %printf.args)
; CHECK: declare i32 @vprintf(ptr, ptr)

; GONE-NOT: @printf
