; dpex-nvptx-use-libdevice-math: OpenCL math built-ins over scalar float and
; double become libdevice's __nv_* functions (the PTX builder then links
; libdevice); vector overloads and functions libdevice lacks are left for
; libclc. With <approx> (-ffast-math), float functions with a fast
; libdevice version take it.
; RUN: dpex-opt -passes=dpex-nvptx-use-libdevice-math %s -o - | FileCheck %s
; RUN: dpex-opt -passes='dpex-nvptx-use-libdevice-math<approx>' %s -o - | FileCheck --check-prefix=APPROX %s

target triple = "spir64-unknown-unknown"

declare spir_func float @_Z3expf(float)
declare spir_func double @_Z4sqrtd(double)
declare spir_func float @_Z3powff(float, float)
declare spir_func <2 x float> @_Z3expDv2_f(<2 x float>)
declare spir_func float @_Z5frexpfPi(float, ptr)

define spir_kernel void @k(float %x, double %d, <2 x float> %v, ptr %e) {
entry:
  %a = call spir_func float @_Z3expf(float %x)
  %b = call spir_func double @_Z4sqrtd(double %d)
  %c = call spir_func float @_Z3powff(float %x, float %a)
  %w = call spir_func <2 x float> @_Z3expDv2_f(<2 x float> %v)
  %f = call spir_func float @_Z5frexpfPi(float %x, ptr %e)
  ret void
}

; CHECK: %a = call spir_func float @__nv_expf(float %x)
; CHECK: %b = call spir_func double @__nv_sqrt(double %d)
; CHECK: %c = call spir_func float @__nv_powf(float %x, float %a)
; CHECK: %w = call spir_func <2 x float> @_Z3expDv2_f(
; CHECK: %f = call spir_func float @_Z5frexpfPi(

; APPROX: %a = call spir_func float @__nv_fast_expf(float %x)
; APPROX: %b = call spir_func double @__nv_sqrt(double %d)
; APPROX: %c = call spir_func float @__nv_fast_powf(float %x, float %a)
