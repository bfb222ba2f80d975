; dpex-lower-math-builtins replaces libm calls and LLVM math intrinsics by
; the OpenCL.std SPIR-V friendly built-ins, mangled per parameter type, and
; leaves vector math and unrelated functions alone.
; RUN: dpex-opt -passes=dpex-lower-math-builtins %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_func float @f(float %x, float %y) {
; CHECK-LABEL: define spir_func float @f(
; CHECK: call spir_func float @_Z16__spirv_ocl_sqrtf(float %x)
; CHECK: call spir_func float @_Z15__spirv_ocl_powff(float %x, float %y)
; CHECK: call spir_func float @_Z16__spirv_ocl_fmaxff(float %x, float %y)
; CHECK: call spir_func float @_Z15__spirv_ocl_erff(float %x)
; CHECK: call spir_func float @_Z15__spirv_ocl_fmafff(float %x, float %y, float %x)
  %a = call float @llvm.sqrt.f32(float %x)
  %b = call float @llvm.pow.f32(float %x, float %y)
  %c = call float @llvm.maxnum.f32(float %x, float %y)
  %d = call float @erff(float %x)
  %e = call float @llvm.fma.f32(float %x, float %y, float %x)
  %s1 = fadd float %a, %b
  %s2 = fadd float %s1, %c
  %s3 = fadd float %s2, %d
  %s4 = fadd float %s3, %e
  ret float %s4
}

define spir_func double @d(double %x) {
; CHECK-LABEL: define spir_func double @d(
; CHECK: call spir_func double @_Z16__spirv_ocl_cbrtd(double %x)
; CHECK: call spir_func double @_Z17__spirv_ocl_floord(double %x)
  %a = call double @cbrt(double %x)
  %b = call double @llvm.floor.f64(double %x)
  %s = fadd double %a, %b
  ret double %s
}

; C99 functions outside the dpex:: set with OpenCL's signature; nearbyint
; is rint (no floating-point exceptions on the device).
define spir_func double @c99(double %x, float %f) {
; CHECK-LABEL: define spir_func double @c99(
; CHECK: call spir_func double @_Z17__spirv_ocl_asinhd(double %x)
; CHECK: call spir_func float @_Z21__spirv_ocl_nextafterff(float %f, float %f)
; CHECK: call spir_func double @_Z20__spirv_ocl_copysigndd(double %x, double %x)
; CHECK: call spir_func double @_Z16__spirv_ocl_rintd(double %x)
  %a = call double @asinh(double %x)
  %n = call float @nextafterf(float %f, float %f)
  %c = call double @llvm.copysign.f64(double %x, double %x)
  %r = call double @llvm.nearbyint.f64(double %x)
  %s1 = fadd double %a, %c
  %s = fadd double %s1, %r
  ret double %s
}

define spir_func <2 x float> @v(<2 x float> %x) {
; CHECK-LABEL: define spir_func <2 x float> @v(
; CHECK: call <2 x float> @llvm.sqrt.v2f32(<2 x float> %x)
  %a = call <2 x float> @llvm.sqrt.v2f32(<2 x float> %x)
  ret <2 x float> %a
}

; CHECK-NOT: declare {{.*}}@erff(
; CHECK-NOT: declare {{.*}}@cbrt(
; CHECK-DAG: declare spir_func float @_Z16__spirv_ocl_sqrtf(float) #[[ATTR:[0-9]+]]
; CHECK-DAG: attributes #[[ATTR]] = { nounwind readnone willreturn }
declare float @llvm.sqrt.f32(float)
declare float @llvm.pow.f32(float, float)
declare float @llvm.maxnum.f32(float, float)
declare float @llvm.fma.f32(float, float, float)
declare double @llvm.floor.f64(double)
declare <2 x float> @llvm.sqrt.v2f32(<2 x float>)
declare float @erff(float)
declare double @cbrt(double)
declare double @asinh(double)
declare float @nextafterf(float, float)
declare double @llvm.copysign.f64(double, double)
declare double @llvm.nearbyint.f64(double)
