; dpex-lower-intrinsics expands the intrinsics SPIRV-LLVM-Translator 15
; cannot translate into plain IR: saturating arithmetic (selects),
; overflow-checked arithmetic (sign tests; multiplication through twice the
; width, or by dividing back at 64 bits), bswap and bitreverse (shifts and
; masks), funnel shifts (rotates; a zero amount selects, as a shift by the
; whole width is poison), and memmove (a loop whose direction the pointers
; decide; a copy between address spaces, which cannot overlap).
; Translatable intrinsics stay.
; RUN: dpex-opt -passes=dpex-lower-intrinsics %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_func i32 @saturating(i32 %a, i32 %b) {
; CHECK-LABEL: define spir_func i32 @saturating(
; CHECK: %[[GT:.*]] = icmp ugt i32 %a, %b
; CHECK: %[[D:.*]] = sub i32 %a, %b
; CHECK: select i1 %[[GT]], i32 %[[D]], i32 0
; CHECK: %[[S:.*]] = add i32 %a, %b
; CHECK: %[[LT:.*]] = icmp ult i32 %[[S]], %a
; CHECK: select i1 %[[LT]], i32 -1, i32 %[[S]]
; CHECK: select i1 %{{.*}}, i32 -2147483648, i32 2147483647
; CHECK: call i32 @llvm.ctpop.i32(i32 %a)
  %u = call i32 @llvm.usub.sat.i32(i32 %a, i32 %b)
  %v = call i32 @llvm.uadd.sat.i32(i32 %a, i32 %b)
  %w = call i32 @llvm.sadd.sat.i32(i32 %a, i32 %b)
  %p = call i32 @llvm.ctpop.i32(i32 %a)
  %r1 = add i32 %u, %v
  %r2 = add i32 %r1, %w
  %r = add i32 %r2, %p
  ret i32 %r
}

define spir_func i1 @overflow(i32 %a, i32 %b, i64 %x, i64 %y) {
; CHECK-LABEL: define spir_func i1 @overflow(
; CHECK: %[[S:.*]] = add i32 %a, %b
; CHECK: xor i32 %a, %b
; CHECK: icmp slt i32 %{{.*}}, 0
; CHECK: insertvalue { i32, i1 }
; CHECK: zext i32 %a to i64
; CHECK: zext i32 %b to i64
; CHECK: mul i64
; CHECK: %[[P:.*]] = mul i64 %x, %y
; CHECK: sdiv i64 %[[P]]
; CHECK-NOT: with.overflow
  %s = call { i32, i1 } @llvm.sadd.with.overflow.i32(i32 %a, i32 %b)
  %m = call { i32, i1 } @llvm.umul.with.overflow.i32(i32 %a, i32 %b)
  %l = call { i64, i1 } @llvm.smul.with.overflow.i64(i64 %x, i64 %y)
  %o1 = extractvalue { i32, i1 } %s, 1
  %o2 = extractvalue { i32, i1 } %m, 1
  %o3 = extractvalue { i64, i1 } %l, 1
  %o12 = or i1 %o1, %o2
  %o = or i1 %o12, %o3
  ret i1 %o
}

define spir_func i16 @swap(i16 %h) {
; CHECK-LABEL: define spir_func i16 @swap(
; CHECK: shl i16 %{{.*}}, 8
; CHECK: lshr i16 %h, 8
; CHECK-NOT: bswap
  %r = call i16 @llvm.bswap.i16(i16 %h)
  ret i16 %r
}

define spir_func i32 @bits(i32 %x, i32 %s) {
; CHECK-LABEL: define spir_func i32 @bits(
; CHECK: and i32 %x, 1431655765
; CHECK: and i32 %{{.*}}, 858993459
; CHECK: and i32 %{{.*}}, 252645135
; CHECK: %[[AMOUNT:.*]] = urem i32 %s, 32
; CHECK: %[[REST:.*]] = sub i32 32, %[[AMOUNT]]
; CHECK: %[[ZERO:.*]] = icmp eq i32 %[[AMOUNT]], 0
; CHECK: shl i32 %x, %[[AMOUNT]]
; CHECK: lshr i32 %x, %[[REST]]
; CHECK: select i1 %[[ZERO]], i32 %x,
; CHECK-NOT: call
  %r = call i32 @llvm.bitreverse.i32(i32 %x)
  %f = call i32 @llvm.fshl.i32(i32 %x, i32 %x, i32 %s)
  %o = xor i32 %r, %f
  ret i32 %o
}

define spir_func void @move(i8* %p, i64 %n, i8 addrspace(1)* %g) {
; CHECK-LABEL: define spir_func void @move(
; CHECK: icmp ult i8* %{{.*}}, %{{.*}}
; CHECK: copy_backwards
; CHECK: copy_forward
; CHECK: call void @llvm.memcpy.p1i8.p0i8.i64(i8 addrspace(1)* {{.*}}%g, i8* {{.*}}%p, i64 %n, i1 false)
; CHECK-NOT: memmove
  %q = getelementptr i8, i8* %p, i64 1
  call void @llvm.memmove.p0i8.p0i8.i64(i8* %q, i8* %p, i64 %n, i1 false)
  call void @llvm.memmove.p1i8.p0i8.i64(i8 addrspace(1)* %g, i8* %p, i64 %n, i1 false)
  ret void
}

declare i32 @llvm.usub.sat.i32(i32, i32)
declare i32 @llvm.uadd.sat.i32(i32, i32)
declare i32 @llvm.sadd.sat.i32(i32, i32)
declare i32 @llvm.ctpop.i32(i32)
declare { i32, i1 } @llvm.sadd.with.overflow.i32(i32, i32)
declare { i32, i1 } @llvm.umul.with.overflow.i32(i32, i32)
declare { i64, i1 } @llvm.smul.with.overflow.i64(i64, i64)
declare i16 @llvm.bswap.i16(i16)
declare i32 @llvm.bitreverse.i32(i32)
declare i32 @llvm.fshl.i32(i32, i32, i32)
declare void @llvm.memmove.p0i8.p0i8.i64(i8*, i8*, i64, i1)
declare void @llvm.memmove.p1i8.p0i8.i64(i8 addrspace(1)*, i8*, i64, i1)
