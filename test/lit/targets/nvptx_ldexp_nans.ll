; dpex-nvptx-lower-ldexp-nans: each double ldexp call (scalar or vector)
; returns its first operand where that is a NaN, which libclc's double ldexp
; scales into a finite number; float ldexp (right in libclc) stays.
; RUN: dpex-opt -passes=dpex-nvptx-lower-ldexp-nans %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func double @_Z5ldexpdi(double, i32)
declare spir_func <2 x double> @_Z5ldexpDv2_dDv2_i(<2 x double>, <2 x i32>)
declare spir_func float @_Z5ldexpfi(float, i32)

; CHECK-LABEL: define spir_func double @scalar(
; CHECK-NEXT:    %r = call spir_func double @_Z5ldexpdi(double %x, i32 %n)
; CHECK-NEXT:    [[NAN:%.*]] = fcmp uno double %x, %x
; CHECK-NEXT:    %r.nan = select i1 [[NAN]], double %x, double %r
; CHECK-NEXT:    ret double %r.nan
define spir_func double @scalar(double %x, i32 %n) {
  %r = call spir_func double @_Z5ldexpdi(double %x, i32 %n)
  ret double %r
}

; CHECK-LABEL: define spir_func <2 x double> @vector(
; CHECK-NEXT:    %r = call spir_func <2 x double> @_Z5ldexpDv2_dDv2_i(<2 x double> %x, <2 x i32> %n)
; CHECK-NEXT:    [[NAN:%.*]] = fcmp uno <2 x double> %x, %x
; CHECK-NEXT:    %r.nan = select <2 x i1> [[NAN]], <2 x double> %x, <2 x double> %r
; CHECK-NEXT:    ret <2 x double> %r.nan
define spir_func <2 x double> @vector(<2 x double> %x, <2 x i32> %n) {
  %r = call spir_func <2 x double> @_Z5ldexpDv2_dDv2_i(<2 x double> %x, <2 x i32> %n)
  ret <2 x double> %r
}

; CHECK-LABEL: define spir_func float @single(
; CHECK-NEXT:    %r = call spir_func float @_Z5ldexpfi(float %x, i32 %n)
; CHECK-NEXT:    ret float %r
define spir_func float @single(float %x, i32 %n) {
  %r = call spir_func float @_Z5ldexpfi(float %x, i32 %n)
  ret float %r
}
