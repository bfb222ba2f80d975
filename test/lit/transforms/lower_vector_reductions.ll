; dpex-lower-intrinsics expands llvm.vector.reduce.*, which the loop
; vectoriser forms from a loop with a data-dependent trip count and
; SPIRV-LLVM-Translator 15 rejects, into the elements extracted and combined
; first to last: integer min/max by compare and select, fmax/fmin by
; maxnum/minnum, fadd/fmul from their start value, in order, with the
; reduction's fast-math flags on each step.
; RUN: dpex-opt -passes=dpex-lower-intrinsics %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-lower-intrinsics %s -o - | FileCheck %s --check-prefix=NONE

target triple = "spir64-unknown-unknown"

; NONE-NOT: llvm.vector.reduce

define spir_func i16 @or(<2 x i16> %v) {
; CHECK-LABEL: define spir_func i16 @or(
; CHECK: %[[E0:.*]] = extractelement <2 x i16> %v, i64 0
; CHECK: %[[E1:.*]] = extractelement <2 x i16> %v, i64 1
; CHECK: %[[R:.*]] = or i16 %[[E0]], %[[E1]]
; CHECK: ret i16 %[[R]]
  %r = call i16 @llvm.vector.reduce.or.v2i16(<2 x i16> %v)
  ret i16 %r
}

define spir_func i32 @integer(<4 x i32> %v) {
; CHECK-LABEL: define spir_func i32 @integer(
; CHECK: %[[A0:.*]] = extractelement <4 x i32> %v, i64 0
; CHECK: %[[A1:.*]] = extractelement <4 x i32> %v, i64 1
; CHECK: %[[A01:.*]] = add i32 %[[A0]], %[[A1]]
; CHECK: %[[A2:.*]] = extractelement <4 x i32> %v, i64 2
; CHECK: %[[A012:.*]] = add i32 %[[A01]], %[[A2]]
; CHECK: %[[A3:.*]] = extractelement <4 x i32> %v, i64 3
; CHECK: add i32 %[[A012]], %[[A3]]
; CHECK-COUNT-3: mul i32
; CHECK-COUNT-3: and i32
; CHECK-COUNT-3: xor i32
; CHECK: %[[S0:.*]] = extractelement <4 x i32> %v, i64 0
; CHECK: %[[S1:.*]] = extractelement <4 x i32> %v, i64 1
; CHECK: %[[GT:.*]] = icmp sgt i32 %[[S0]], %[[S1]]
; CHECK: select i1 %[[GT]], i32 %[[S0]], i32 %[[S1]]
; CHECK: icmp slt i32
; CHECK: icmp ugt i32
; CHECK: icmp ult i32
  %add = call i32 @llvm.vector.reduce.add.v4i32(<4 x i32> %v)
  %mul = call i32 @llvm.vector.reduce.mul.v4i32(<4 x i32> %v)
  %and = call i32 @llvm.vector.reduce.and.v4i32(<4 x i32> %v)
  %xor = call i32 @llvm.vector.reduce.xor.v4i32(<4 x i32> %v)
  %smax = call i32 @llvm.vector.reduce.smax.v4i32(<4 x i32> %v)
  %smin = call i32 @llvm.vector.reduce.smin.v4i32(<4 x i32> %v)
  %umax = call i32 @llvm.vector.reduce.umax.v4i32(<4 x i32> %v)
  %umin = call i32 @llvm.vector.reduce.umin.v4i32(<4 x i32> %v)
  %r1 = add i32 %add, %mul
  %r2 = add i32 %r1, %and
  %r3 = add i32 %r2, %xor
  %r4 = add i32 %r3, %smax
  %r5 = add i32 %r4, %smin
  %r6 = add i32 %r5, %umax
  %r7 = add i32 %r6, %umin
  ret i32 %r7
}

; Without reassoc the order is the start value, then element 0, 1, ...
define spir_func float @ordered(float %s, <2 x float> %v) {
; CHECK-LABEL: define spir_func float @ordered(
; CHECK: %[[F0:.*]] = extractelement <2 x float> %v, i64 0
; CHECK: %[[S0:.*]] = fadd float %s, %[[F0]]
; CHECK: %[[F1:.*]] = extractelement <2 x float> %v, i64 1
; CHECK: %[[S1:.*]] = fadd float %[[S0]], %[[F1]]
; CHECK: %[[G0:.*]] = extractelement <2 x float> %v, i64 0
; CHECK: %[[P0:.*]] = fmul nnan float 1.000000e+00, %[[G0]]
; CHECK: %[[G1:.*]] = extractelement <2 x float> %v, i64 1
; CHECK: fmul nnan float %[[P0]], %[[G1]]
  %sum = call float @llvm.vector.reduce.fadd.v2f32(float %s, <2 x float> %v)
  %prod = call nnan float @llvm.vector.reduce.fmul.v2f32(float 1.0, <2 x float> %v)
  %r = fadd float %sum, %prod
  ret float %r
}

define spir_func double @minmax(<2 x double> %v) {
; CHECK-LABEL: define spir_func double @minmax(
; CHECK: %[[M0:.*]] = extractelement <2 x double> %v, i64 0
; CHECK: %[[M1:.*]] = extractelement <2 x double> %v, i64 1
; CHECK: call double @llvm.maxnum.f64(double %[[M0]], double %[[M1]])
; CHECK: call double @llvm.minnum.f64(double
  %max = call double @llvm.vector.reduce.fmax.v2f64(<2 x double> %v)
  %min = call double @llvm.vector.reduce.fmin.v2f64(<2 x double> %v)
  %r = fadd double %max, %min
  ret double %r
}

declare i16 @llvm.vector.reduce.or.v2i16(<2 x i16>)
declare i32 @llvm.vector.reduce.add.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.mul.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.and.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.xor.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.smax.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.smin.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.umax.v4i32(<4 x i32>)
declare i32 @llvm.vector.reduce.umin.v4i32(<4 x i32>)
declare float @llvm.vector.reduce.fadd.v2f32(float, <2 x float>)
declare float @llvm.vector.reduce.fmul.v2f32(float, <2 x float>)
declare double @llvm.vector.reduce.fmax.v2f64(<2 x double>)
declare double @llvm.vector.reduce.fmin.v2f64(<2 x double>)
