; dpex-inline-device-functions inlines every user function into the
; spir_kernel entries (noinline and optnone do not stop it) and then drops
; the bodies: no call to user code is left, only declarations of external
; functions (the SPIR-V built-ins) stay.
; RUN: dpex-opt -passes=dpex-inline-device-functions %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k(float addrspace(1)* %x) {
entry:
  %id = call spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32 0)
  %p = getelementptr inbounds float, float addrspace(1)* %x, i64 %id
  %v = load float, float addrspace(1)* %p, align 4
  %r = call spir_func float @axpy1(float 2.0, float %v, float 1.0)
  store float %r, float addrspace(1)* %p, align 4
  ret void
}

define linkonce_odr spir_func float @axpy1(float %a, float %x, float %y) #0 {
entry:
  %m = call spir_func float @mul(float %a, float %x)
  %s = fadd float %m, %y
  ret float %s
}

define dso_local spir_func float @mul(float %a, float %x) {
entry:
  %m = fmul float %a, %x
  ret float %m
}

declare spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32)

attributes #0 = { noinline optnone }

; CHECK-LABEL: define spir_kernel void @k(float addrspace(1)* %x)
; CHECK: call spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32 0)
; CHECK-NOT: call
; CHECK: fmul float 2.000000e+00, %v
; CHECK-NOT: call
; CHECK: ret void
; CHECK-NOT: define
; CHECK-NOT: @axpy1
; CHECK-NOT: @mul
; CHECK: declare spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32)
