; dpex-nvptx-relax-fast-math: with -ffast-math, every floating-point
; operation of the kernels' own code gets all fast-math flags (the round trip
; through SPIR-V kept the instructions' flags, not the functions'
; attributes), and float division becomes div.approx.ftz; double division
; stays a division.
; RUN: dpex-opt -passes=dpex-nvptx-relax-fast-math %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k(ptr addrspace(1) %f, ptr addrspace(1) %d, float %x, float %y, double %a, double %b) {
entry:
  %s = fadd float %x, %y
  %q = fdiv float %s, %y
  store float %q, ptr addrspace(1) %f
  %dq = fdiv double %a, %b
  store double %dq, ptr addrspace(1) %d
  ret void
}

; CHECK: %s = fadd fast float %x, %y
; CHECK-NEXT: [[Q:%.*]] = call float @llvm.nvvm.div.approx.ftz.f(float %s, float %y)
; CHECK-NEXT: store float [[Q]], ptr addrspace(1) %f
; CHECK-NEXT: %dq = fdiv fast double %a, %b
