; dpex-lower-libcalls maps C library functions whose OpenCL built-in has
; another signature to that built-in: int exponents (ldexp, scalbn), an
; int result (ilogb), results through a pointer (frexp, modf, remquo: a
; private slot, then a store where the caller's pointer says), rounding to
; an integer (lround, lrint: the built-in, then a conversion). memcmp and
; bcmp become a byte loop. div, ldiv and lldiv (std::div) store a division
; and a remainder into the caller's result. Other calls stay.
; RUN: dpex-opt -passes=dpex-lower-libcalls %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_func double @math(double %x, float %f, i32 addrspace(4)* %e, i64 %big) {
; CHECK-LABEL: define spir_func double @math(
; CHECK: %[[SLOT:.*]] = alloca i32
; CHECK: call spir_func double @_Z17__spirv_ocl_ldexpdi(double %x, i32 3)
; CHECK: call spir_func float @_Z17__spirv_ocl_ldexpfi(float %f, i32 2)
; CHECK: icmp sgt i64 %big, 2147483647
; CHECK: call spir_func double @_Z17__spirv_ocl_ldexpdi(double %x, i32
; CHECK: call spir_func i32 @_Z17__spirv_ocl_ilogbd(double %x)
; CHECK: call spir_func double @_Z17__spirv_ocl_frexpdPi(double %x, i32* %[[SLOT]])
; CHECK: %[[EXP:.*]] = load i32, i32* %[[SLOT]]
; CHECK: store i32 %[[EXP]], i32 addrspace(4)* %e
; CHECK: %[[R:.*]] = call spir_func double @_Z17__spirv_ocl_roundd(double %x)
; CHECK: fptosi double %[[R]] to i64
; CHECK: %[[RI:.*]] = call spir_func float @_Z16__spirv_ocl_rintf(float %f)
; CHECK: fptosi float %[[RI]] to i64
; CHECK: call double @unrelated(double %x)
  %a = call double @ldexp(double %x, i32 3)
  %b = call float @scalbnf(float %f, i32 2)
  %c = call double @scalbln(double %x, i64 %big)
  %d = call i32 @ilogb(double %x)
  %m = call double @frexp(double %x, i32 addrspace(4)* %e)
  %r = call i64 @llvm.lround.i64.f64(double %x)
  %ri = call i64 @llvm.lrint.i64.f32(float %f)
  %u = call double @unrelated(double %x)
  ret double %m
}

define spir_func i32 @compare(i32* %a, i32* %b) {
; CHECK-LABEL: define spir_func i32 @compare(
; CHECK: memcmp.head:
; CHECK: %i = phi i64 [ 0, %{{.*}} ], [ %{{.*}}, %memcmp.next ]
; CHECK: icmp uge i64 %i, 16
; CHECK: memcmp.body:
; CHECK: load i8, i8* %{{.*}}
; CHECK: load i8, i8* %{{.*}}
; CHECK: icmp ne i8
; CHECK: %c = phi i32 [ 0, %memcmp.head ], [ %{{.*}}, %memcmp.body ]
; CHECK: ret i32 %c
  %pa = bitcast i32* %a to i8*
  %ga = addrspacecast i8* %pa to i8 addrspace(4)*
  %pb = bitcast i32* %b to i8*
  %gb = addrspacecast i8* %pb to i8 addrspace(4)*
  %c = call i32 @memcmp(i8 addrspace(4)* %ga, i8 addrspace(4)* %gb, i64 16)
  ret i32 %c
}

; CHECK-NOT: declare {{.*}} @ldexp(
; CHECK-NOT: declare {{.*}} @memcmp(
declare double @ldexp(double, i32)
declare float @scalbnf(float, i32)
declare double @scalbln(double, i64)
declare i32 @ilogb(double)
declare double @frexp(double, i32 addrspace(4)*)
declare i64 @llvm.lround.i64.f64(double)
declare i64 @llvm.lrint.i64.f32(float)
declare double @unrelated(double)
%struct.div_t = type { i32, i32 }
%struct.lldiv_t = type { i64, i64 }

define spir_func i64 @divs(i32 %a, i32 %b, i64 %c, i64 %d) {
; CHECK-LABEL: define spir_func i64 @divs(
; CHECK: %[[Q:.*]] = sdiv i32 %a, %b
; CHECK: %[[R:.*]] = srem i32 %a, %b
; CHECK: %[[QP:.*]] = getelementptr inbounds %struct.div_t, %struct.div_t* %r, i32 0, i32 0
; CHECK: store i32 %[[Q]], i32* %[[QP]]
; CHECK: %[[RP:.*]] = getelementptr inbounds %struct.div_t, %struct.div_t* %r, i32 0, i32 1
; CHECK: store i32 %[[R]], i32* %[[RP]]
; CHECK: sdiv i64 %c, %d
; CHECK: srem i64 %c, %d
; CHECK-NOT: call
; CHECK: ret i64
  %r = alloca %struct.div_t
  %l = alloca %struct.lldiv_t
  %rg = addrspacecast %struct.div_t* %r to %struct.div_t addrspace(4)*
  %lg = addrspacecast %struct.lldiv_t* %l to %struct.lldiv_t addrspace(4)*
  call spir_func void @div(%struct.div_t addrspace(4)* sret(%struct.div_t) %rg, i32 %a, i32 %b)
  call spir_func void @lldiv(%struct.lldiv_t addrspace(4)* sret(%struct.lldiv_t) %lg, i64 %c, i64 %d)
  %qp = getelementptr %struct.lldiv_t, %struct.lldiv_t* %l, i32 0, i32 0
  %q = load i64, i64* %qp
  ret i64 %q
}

declare spir_func void @div(%struct.div_t addrspace(4)* sret(%struct.div_t), i32, i32)
declare spir_func void @lldiv(%struct.lldiv_t addrspace(4)* sret(%struct.lldiv_t), i64, i64)
declare i32 @memcmp(i8 addrspace(4)*, i8 addrspace(4)*, i64)
