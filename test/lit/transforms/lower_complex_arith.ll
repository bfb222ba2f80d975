; dpex-lower-complex-arith gives Clang's complex multiplication and division
; helpers a definition (C99 Annex G: NaN results recomputed from boxed
; infinities; the divisor scaled by logb/scalbn), internal so that they
; inline, for both shapes Clang declares them in; other declarations stay.
; RUN: dpex-opt -passes=dpex-lower-complex-arith %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

; CHECK-LABEL: define internal spir_func void @__divdc3({ double, double } addrspace(4)* %0, double %1, double %2, double %3, double %4)
; CHECK: call double @logb(double
; CHECK: call double @scalbn(double %3, i32
; CHECK: fdiv double
; CHECK: fcmp uno double
; CHECK: fmul double 0x7FF0000000000000
; CHECK: store double {{.*}}, double addrspace(4)* {{.*}}
; CHECK: store double {{.*}}, double addrspace(4)* {{.*}}
; CHECK: ret void
declare spir_func void @__divdc3({ double, double } addrspace(4)*, double, double, double, double)

; CHECK-LABEL: define internal { float, float } @__mulsc3(float %0, float %1, float %2, float %3)
; CHECK: fmul float %0, %2
; CHECK: fsub float
; CHECK: fcmp uno float
; CHECK: call float @llvm.copysign.f32
; CHECK: fmul float 0x7FF0000000000000
; CHECK: ret { float, float }
declare { float, float } @__mulsc3(float, float, float, float)

; Not a shape Clang emits: left alone.
; CHECK: declare double @__muldc3(double, double)
declare double @__muldc3(double, double)

define spir_func void @use(double %a, float %f) {
  %p = alloca { double, double }
  %g = addrspacecast { double, double }* %p to { double, double } addrspace(4)*
  call spir_func void @__divdc3({ double, double } addrspace(4)* %g, double %a, double %a, double %a, double %a)
  %m = call { float, float } @__mulsc3(float %f, float %f, float %f, float %f)
  %d = call double @__muldc3(double %a, double %a)
  ret void
}
