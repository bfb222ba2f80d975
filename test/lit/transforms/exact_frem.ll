; dpex-lower-exact-frem: frem becomes trunc(x/y) and one FMA, with the range and
; sign fix-ups (a zero remainder signed as x), instead of NVPTX's doubly
; rounded expansion.
; RUN: dpex-opt -passes=dpex-lower-exact-frem %s -o - | FileCheck %s

define double @rem(double %x, double %y) {
  %r = frem double %x, %y
  ret double %r
}

; CHECK-LABEL: define double @rem(
; CHECK-NOT: frem
; CHECK: %[[Q:[0-9]+]] = call double @llvm.trunc.f64(double
; CHECK: %[[NQ:[0-9]+]] = fneg double %[[Q]]
; CHECK: call double @llvm.fma.f64(double %[[NQ]], double %y, double %x)
; CHECK: %[[STEP:[0-9]+]] = call double @llvm.copysign.f64(double %{{[0-9]+}}, double %x)
; CHECK: fadd double %{{[0-9]+}}, %[[STEP]]
; A zero remainder takes x's sign too: fmod(-3, 1.5) is -0.
; CHECK-NEXT: %[[FIXED:[0-9]+]] = select i1 %{{[0-9]+}}, double %{{[0-9]+}}, double
; CHECK-NEXT: %[[SIGNED:[0-9]+]] = call double @llvm.copysign.f64(double %[[FIXED]], double %x)
; CHECK: fcmp oeq double {{.*}}0x7FF0000000000000
; CHECK: select i1 %{{[0-9]+}}, double %x, double %[[SIGNED]]
; CHECK-NEXT: ret double
