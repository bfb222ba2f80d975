; dpex-nvptx-lower-fast-math: with -ffast-math, the floating-point operations
; whose flags SPIR-V cannot carry (comparisons, negations, selects, phis,
; built-in calls) get all fast-math flags; the arithmetic keeps the flags
; its FPFastMathMode decorations gave it, none where it had none. Float
; divisions that allow a reciprocal become div.approx.ftz; an exact float
; division and double division stay divisions.
; RUN: dpex-opt -passes=dpex-nvptx-lower-fast-math %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func float @_Z4fminff(float, float)

define spir_kernel void @k(ptr addrspace(1) %f, ptr addrspace(1) %d, float %x, float %y, double %a, double %b, i1 %c) {
entry:
  br i1 %c, label %then, label %join

then:
  %n = fneg float %x
  br label %join

join:
  %p = phi float [ %x, %entry ], [ %n, %then ]
  %s = fadd fast float %p, %y
  %q = fdiv fast float %s, %y
  store float %q, ptr addrspace(1) %f
  %lt = fcmp olt float %x, %y
  %m = select i1 %lt, float %x, float %y
  %mn = call spir_func float @_Z4fminff(float %m, float %y)
  %exact = fdiv float %mn, %y
  %t = fadd float %exact, %x
  store float %t, ptr addrspace(1) %f
  %dq = fdiv fast double %a, %b
  store double %dq, ptr addrspace(1) %d
  ret void
}

; CHECK: %n = fneg fast float %x
; CHECK: %p = phi fast float [ %x, %entry ], [ %n, %then ]
; CHECK-NEXT: %s = fadd fast float %p, %y
; CHECK-NEXT: [[Q:%.*]] = call float @llvm.nvvm.div.approx.ftz.f(float %s, float %y)
; CHECK-NEXT: store float [[Q]], ptr addrspace(1) %f
; CHECK-NEXT: %lt = fcmp fast olt float %x, %y
; CHECK-NEXT: %m = select fast i1 %lt, float %x, float %y
; CHECK-NEXT: %mn = call fast spir_func float @_Z4fminff(float %m, float %y)
; CHECK-NEXT: %exact = fdiv float %mn, %y
; CHECK-NEXT: %t = fadd float %exact, %x
; CHECK: %dq = fdiv fast double %a, %b
