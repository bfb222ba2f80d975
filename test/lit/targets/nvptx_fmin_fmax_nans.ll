; dpex-nvptx-lower-fmin-fmax-nans: each OpenCL fmin/fmax call's result is
; the other operand where one operand is a NaN, selected explicitly (NVIDIA's
; min/max instructions gave fmin(-0.0f, NAN) = +0); the call still decides
; every other case. Mixed vector-scalar forms and other functions stay.
; dpex-opt runs it on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-lower-fmin-fmax-nans %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func float @_Z4fminff(float, float)
declare spir_func double @_Z4fmaxdd(double, double)
declare spir_func <2 x float> @_Z4fminDv2_fS_(<2 x float>, <2 x float>)
declare spir_func <2 x float> @_Z4fminDv2_ff(<2 x float>, float)
declare spir_func float @_Z4fdimff(float, float)

define spir_kernel void @k(float %x, float %y, double %a, double %b, <2 x float> %v, <2 x float> %w, float addrspace(1)* %out, double addrspace(1)* %dout, <2 x float> addrspace(1)* %vout) {
entry:
  ; CHECK: %m = call spir_func float @_Z4fminff(float %x, float %y)
  ; CHECK-NEXT: [[XNAN:%.*]] = fcmp uno float %x, %x
  ; CHECK-NEXT: [[R:%.*]] = select i1 [[XNAN]], float %y, float %m
  ; CHECK-NEXT: [[YNAN:%.*]] = fcmp uno float %y, %y
  ; CHECK-NEXT: %m.nan = select i1 [[YNAN]], float %x, float [[R]]
  ; CHECK-NEXT: store float %m.nan, ptr addrspace(1) %out
  %m = call spir_func float @_Z4fminff(float %x, float %y)
  store float %m, float addrspace(1)* %out, align 4
  ; CHECK: %d = call spir_func double @_Z4fmaxdd(double %a, double %b)
  ; CHECK-NEXT: [[ANAN:%.*]] = fcmp uno double %a, %a
  ; CHECK-NEXT: [[DR:%.*]] = select i1 [[ANAN]], double %b, double %d
  ; CHECK-NEXT: [[BNAN:%.*]] = fcmp uno double %b, %b
  ; CHECK-NEXT: %d.nan = select i1 [[BNAN]], double %a, double [[DR]]
  ; CHECK-NEXT: store double %d.nan, ptr addrspace(1) %dout
  %d = call spir_func double @_Z4fmaxdd(double %a, double %b)
  store double %d, double addrspace(1)* %dout, align 8
  ; Vectors element by element.
  ; CHECK: %vm = call spir_func <2 x float> @_Z4fminDv2_fS_(<2 x float> %v, <2 x float> %w)
  ; CHECK-NEXT: [[VNAN:%.*]] = fcmp uno <2 x float> %v, %v
  ; CHECK-NEXT: select <2 x i1> [[VNAN]], <2 x float> %w, <2 x float> %vm
  %vm = call spir_func <2 x float> @_Z4fminDv2_fS_(<2 x float> %v, <2 x float> %w)
  store <2 x float> %vm, <2 x float> addrspace(1)* %vout, align 8
  ; CHECK: %mixed = call spir_func <2 x float> @_Z4fminDv2_ff(<2 x float> %v, float %x)
  ; CHECK-NEXT: store <2 x float> %mixed,
  %mixed = call spir_func <2 x float> @_Z4fminDv2_ff(<2 x float> %v, float %x)
  store <2 x float> %mixed, <2 x float> addrspace(1)* %vout, align 8
  ; CHECK: %f = call spir_func float @_Z4fdimff(float %x, float %y)
  ; CHECK-NEXT: store float %f,
  %f = call spir_func float @_Z4fdimff(float %x, float %y)
  store float %f, float addrspace(1)* %out, align 4
  ret void
}
