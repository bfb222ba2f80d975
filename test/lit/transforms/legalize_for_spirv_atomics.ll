; dpex-legalize-for-spirv turns the atomicrmw operations SPIR-V 1.0 lacks
; (nand, fadd, fsub, fmax, fmin) into compare-exchange loops over the
; value's bits, which return the old value as the atomicrmw did; the others
; stay. lli runs both forms: the old values and the memory must agree.
; RUN: dpex-opt -passes=dpex-legalize-for-spirv %s -o %t.ll
; RUN: FileCheck %s < %t.ll
; RUN: lli %s > %t.before
; RUN: lli %t.ll > %t.after
; RUN: diff %t.before %t.after
; RUN: FileCheck --check-prefix=OUT %s < %t.after
; OUT: old 1.500000 12 2.000000 -0.500000 1.500000 0x0
; OUT-NEXT: new 2.000000 -13 -0.500000 1.500000 0.000000 0x7

declare i32 @printf(i8*, ...)
@f.old = private constant [25 x i8] c"old %f %d %f %f %f 0x%x\0A\00"
@f.new = private constant [25 x i8] c"new %f %d %f %f %f 0x%x\0A\00"

; CHECK-LABEL: define void @update(
; CHECK-NOT: atomicrmw fadd
; CHECK-NOT: atomicrmw nand
; CHECK: %[[INIT:.*]] = load float, float* %f, align 4
; CHECK-NEXT: br label %atomicrmw.loop
; CHECK: atomicrmw.loop:
; CHECK-NEXT: %loaded = phi float [ %[[INIT]], %entry ], [ %[[OLD:.*]], %atomicrmw.loop ]
; CHECK-NEXT: %[[NEW:.*]] = fadd float %loaded, 5.000000e-01
; CHECK-NEXT: %[[P:.*]] = bitcast float* %f to i32*
; CHECK-NEXT: %[[E:.*]] = bitcast float %loaded to i32
; CHECK-NEXT: %[[N:.*]] = bitcast float %[[NEW]] to i32
; CHECK-NEXT: %[[X:.*]] = cmpxchg i32* %[[P]], i32 %[[E]], i32 %[[N]] seq_cst seq_cst, align 4
; CHECK: %[[OLD]] = bitcast i32 %{{.*}} to float
; CHECK: br i1 %{{.*}}, label %atomicrmw.end, label %atomicrmw.loop
; CHECK: atomicrmw.end:
; The ones SPIR-V has stay.
; CHECK: atomicrmw xchg i32* %u, i32 7 monotonic
define void @update(float* %f, i32* %i, float* %a, float* %b, float* %c, i32* %u, double* %out) {
entry:
  %of = atomicrmw fadd float* %f, float 0.5 seq_cst
  %oi = atomicrmw nand i32* %i, i32 -4 seq_cst
  %oa = atomicrmw fsub float* %a, float 2.5 acquire
  %ob = atomicrmw fmax float* %b, float 1.5 release
  %oc = atomicrmw fmin float* %c, float 0.0 monotonic
  %ou = atomicrmw xchg i32* %u, i32 7 monotonic
  %df = fpext float %of to double
  %da = fpext float %oa to double
  %db = fpext float %ob to double
  %dc = fpext float %oc to double
  %fmt = getelementptr [25 x i8], [25 x i8]* @f.old, i32 0, i32 0
  call i32 (i8*, ...) @printf(i8* %fmt, double %df, i32 %oi, double %da, double %db, double %dc, i32 %ou)
  ret void
}

define i32 @main() {
  %f = alloca float
  %i = alloca i32
  %a = alloca float
  %b = alloca float
  %c = alloca float
  %u = alloca i32
  store float 1.5, float* %f
  store i32 12, i32* %i
  store float 2.0, float* %a
  store float -0.5, float* %b
  store float 1.5, float* %c
  store i32 0, i32* %u
  call void @update(float* %f, i32* %i, float* %a, float* %b, float* %c, i32* %u, double* null)
  %vf = load float, float* %f
  %vi = load i32, i32* %i
  %va = load float, float* %a
  %vb = load float, float* %b
  %vc = load float, float* %c
  %vu = load i32, i32* %u
  %df = fpext float %vf to double
  %da = fpext float %va to double
  %db = fpext float %vb to double
  %dc = fpext float %vc to double
  %fmt = getelementptr [25 x i8], [25 x i8]* @f.new, i32 0, i32 0
  call i32 (i8*, ...) @printf(i8* %fmt, double %df, i32 %vi, double %da, double %db, double %dc, i32 %vu)
  ret i32 0
}
