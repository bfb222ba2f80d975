; dpex-nvptx-flush-float-denormals: with -ffast-math, every defined
; function (libdevice's and libclc's too, once linked) flushes float
; denormals; declarations are left alone.
; RUN: dpex-opt -passes=dpex-nvptx-flush-float-denormals %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare float @__nv_expf(float)

define float @helper(float %x) {
entry:
  ret float %x
}

define spir_kernel void @k() {
entry:
  ret void
}

; CHECK: declare float @__nv_expf(float){{$}}
; CHECK: define float @helper(float %x) #[[FTZ:[0-9]+]]
; CHECK: define spir_kernel void @k() #[[FTZ]]
; CHECK: attributes #[[FTZ]] = { "denormal-fp-math-f32"="preserve-sign,preserve-sign" }
