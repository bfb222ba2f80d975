; dpex-legalize-int-widths computes integers of widths SPIR-V lacks in the
; next legal width, zero-extended: results that can set high bits are
; masked, and signed operations see their operands sign-extended first.
; RUN: dpex-opt -passes=dpex-legalize-int-widths %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-legalize-int-widths %s -o - | FileCheck --check-prefix=NOODD %s
; NOODD-NOT: {{[ (<[]i([2-7]|9|1[0-57-9]|2[0-9]|3[013-9]|[45][0-9]|6[0-35-9])[^0-9]}}

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spir64-unknown-unknown"

; `switch (v & 7)` as InstCombine leaves it: an i3 switch on a trunc.
define spir_func i32 @switch_low_bits(i32 %v) {
; CHECK-LABEL: define spir_func i32 @switch_low_bits(
; CHECK: %[[T:.*]] = trunc i32 %v to i8
; CHECK-NEXT: %trunc = and i8 %[[T]], 7
; CHECK-NEXT: switch i8 %trunc, label %default [
; CHECK-NEXT: i8 0, label %a
; CHECK-NEXT: i8 5, label %b
; CHECK-NEXT: ]
entry:
  %trunc = trunc i32 %v to i3
  switch i3 %trunc, label %default [
    i3 0, label %a
    i3 -3, label %b
  ]
a:
  ret i32 11
b:
  ret i32 7
default:
  ret i32 1
}

; A switch on a 4-bit bit-field enum, loaded from its byte.
define spir_func i32 @bitfield_enum(i8 addrspace(1)* %p) {
; CHECK-LABEL: define spir_func i32 @bitfield_enum(
; CHECK: %bf = load i8, i8 addrspace(1)* %p
; CHECK-NEXT: %op = and i8 %bf, 15
; CHECK-NEXT: switch i8 %op, label %other [
; CHECK-NEXT: i8 8, label %eight
; CHECK-NEXT: i8 3, label %three
entry:
  %bf = load i8, i8 addrspace(1)* %p, align 1
  %op = trunc i8 %bf to i4
  switch i4 %op, label %other [
    i4 -8, label %eight
    i4 3, label %three
  ]
eight:
  ret i32 8
three:
  ret i32 3
other:
  ret i32 0
}

; Arithmetic that can carry out of the odd width is masked; and/or/xor,
; lshr, udiv and urem of zero-extended values cannot.
define spir_func i32 @arith(i32 %a32, i32 %b32) {
; CHECK-LABEL: define spir_func i32 @arith(
; CHECK: %[[A:.*]] = trunc i32 %a32 to i8
; CHECK-NEXT: %a = and i8 %[[A]], 31
; CHECK: %[[ADD:.*]] = add i8 %a, %b
; CHECK-NEXT: %add = and i8 %[[ADD]], 31
; CHECK: %[[MUL:.*]] = mul i8 %add, %b
; CHECK-NEXT: %mul = and i8 %[[MUL]], 31
; CHECK: %[[SHL:.*]] = shl i8 %mul, %b
; CHECK-NEXT: %shl = and i8 %[[SHL]], 31
; CHECK-NEXT: %xor = xor i8 %shl, %a
; CHECK-NEXT: %lshr = lshr i8 %xor, %b
; CHECK-NEXT: %udiv = udiv i8 %lshr, %b
; CHECK-NEXT: %ret = zext i8 %udiv to i32
entry:
  %a = trunc i32 %a32 to i5
  %b = trunc i32 %b32 to i5
  %add = add nuw nsw i5 %a, %b
  %mul = mul i5 %add, %b
  %shl = shl i5 %mul, %b
  %xor = xor i5 %shl, %a
  %lshr = lshr i5 %xor, %b
  %udiv = udiv i5 %lshr, %b
  %ret = zext i5 %udiv to i32
  ret i32 %ret
}

; ashr, sdiv, srem, signed compares and sext see their operands
; sign-extended from bit 4: shl then ashr by 3 in i8.
define spir_func i32 @signed(i32 %a32, i32 %b32) {
; CHECK-LABEL: define spir_func i32 @signed(
; CHECK: %[[SA1:.*]] = shl i8 %a, 3
; CHECK-NEXT: %[[SA2:.*]] = ashr i8 %[[SA1]], 3
; CHECK-NEXT: %[[ASHR:.*]] = ashr i8 %[[SA2]], %b
; CHECK-NEXT: %ashr = and i8 %[[ASHR]], 31
; CHECK: %[[SDIV:.*]] = sdiv i8
; CHECK-NEXT: %sdiv = and i8 %[[SDIV]], 31
; CHECK: %[[SREM:.*]] = srem i8
; CHECK-NEXT: %srem = and i8 %[[SREM]], 31
; CHECK: %lt = icmp slt i8
; CHECK: %[[SX1:.*]] = shl i8 %sel, 3
; CHECK-NEXT: %[[SX2:.*]] = ashr i8 %[[SX1]], 3
; CHECK-NEXT: %ret = sext i8 %[[SX2]] to i32
entry:
  %a = trunc i32 %a32 to i5
  %b = trunc i32 %b32 to i5
  %ashr = ashr i5 %a, %b
  %sdiv = sdiv i5 %ashr, %b
  %srem = srem i5 %sdiv, %b
  %lt = icmp slt i5 %srem, %a
  %sel = select i1 %lt, i5 %srem, i5 %a
  %ret = sext i5 %sel to i32
  ret i32 %ret
}

; Widening between odd widths: zext needs no mask, sext masks to the
; destination's width.
define spir_func i64 @odd_to_odd(i32 %v) {
; CHECK-LABEL: define spir_func i64 @odd_to_odd(
; CHECK: %z = zext i8 %t to i16
; CHECK: %[[S:.*]] = sext i8 %{{.*}} to i16
; CHECK-NEXT: %s = and i16 %[[S]], 4095
; CHECK-NEXT: %x = xor i16 %z, %s
; CHECK-NEXT: %[[X1:.*]] = shl i16 %x, 4
; CHECK-NEXT: %[[X2:.*]] = ashr i16 %[[X1]], 4
; CHECK-NEXT: %[[W:.*]] = sext i16 %[[X2]] to i64
; CHECK-NEXT: %w = and i64 %[[W]], 1099511627775
; CHECK-NEXT: ret i64 %w
entry:
  %t = trunc i32 %v to i7
  %z = zext i7 %t to i12
  %s = sext i7 %t to i12
  %x = xor i12 %z, %s
  %w = sext i12 %x to i40
  %r = zext i40 %w to i64
  ret i64 %r
}

; A loop-carried odd value: its phi is computed wide too.
define spir_func i32 @loop(i32 %n) {
; CHECK-LABEL: define spir_func i32 @loop(
; CHECK: %acc.wide = phi i8 [ 0, %entry ], [ %acc.next, %loop ]
; CHECK: %[[N:.*]] = add i8 %acc.wide, 3
; CHECK-NEXT: %acc.next = and i8 %[[N]], 63
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %acc = phi i6 [ 0, %entry ], [ %acc.next, %loop ]
  %acc.next = add i6 %acc, 3
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = zext i6 %acc.next to i32
  ret i32 %r
}

; SROA's i24 from three bytes: loaded and stored byte by byte, little-endian,
; so no fourth byte is touched.
define spir_func void @three_bytes([3 x i8]* %src, [3 x i8]* %dst) {
; CHECK-LABEL: define spir_func void @three_bytes(
; CHECK: %[[P:.*]] = bitcast [3 x i8]* %src to i8*
; CHECK-NEXT: %[[B0P:.*]] = getelementptr inbounds i8, i8* %[[P]], i32 0
; CHECK-NEXT: %[[B0:.*]] = load i8, i8* %[[B0P]], align 1
; CHECK-NEXT: %[[B0W:.*]] = zext i8 %[[B0]] to i32
; CHECK-NEXT: getelementptr inbounds i8, i8* %[[P]], i32 1
; CHECK: %[[B2P:.*]] = getelementptr inbounds i8, i8* %[[P]], i32 2
; CHECK-NEXT: %[[B2:.*]] = load i8, i8* %[[B2P]], align 1
; CHECK-NEXT: %[[B2W:.*]] = zext i8 %[[B2]] to i32
; CHECK-NEXT: shl i32 %[[B2W]], 16
; CHECK: %[[Q:.*]] = bitcast [3 x i8]* %dst to i8*
; CHECK: %[[D2:.*]] = getelementptr inbounds i8, i8* %[[Q]], i32 2
; CHECK-NEXT: %[[S2:.*]] = lshr i32 %v, 16
; CHECK-NEXT: %[[S2B:.*]] = trunc i32 %[[S2]] to i8
; CHECK-NEXT: store i8 %[[S2B]], i8* %[[D2]], align 1
; CHECK-NEXT: ret void
entry:
  %sp = bitcast [3 x i8]* %src to i24*
  %dp = bitcast [3 x i8]* %dst to i24*
  %v = load i24, i24* %sp, align 1
  store i24 %v, i24* %dp, align 1
  ret void
}

; An i12 load whose bytes fill an i16 is one i16 load, masked.
define spir_func i32 @twelve_bits(i16 addrspace(1)* %p) {
; CHECK-LABEL: define spir_func i32 @twelve_bits(
; CHECK: %[[V:.*]] = load i16, i16 addrspace(1)* %p, align 2
; CHECK-NEXT: %v = and i16 %[[V]], 4095
entry:
  %q = bitcast i16 addrspace(1)* %p to i12 addrspace(1)*
  %v = load i12, i12 addrspace(1)* %q, align 2
  %r = zext i12 %v to i32
  ret i32 %r
}

; Debug records follow the wide twin; an odd constant in one becomes its
; zero-extended twin, a wide one an undef (the value is unavailable there).
define spir_func i32 @debug_records(i32 %v) !dbg !5 {
; CHECK-LABEL: define spir_func i32 @debug_records(
; CHECK: call void @llvm.dbg.value(metadata i8 %t, metadata ![[VAR:[0-9]+]]
; CHECK-NEXT: call void @llvm.dbg.value(metadata i8 5, metadata ![[VAR]]
; CHECK-NEXT: call void @llvm.dbg.value(metadata i64 undef, metadata ![[VAR]]
entry:
  %t = trunc i32 %v to i3
  call void @llvm.dbg.value(metadata i3 %t, metadata !9, metadata !DIExpression()), !dbg !10
  call void @llvm.dbg.value(metadata i3 -3, metadata !9, metadata !DIExpression()), !dbg !10
  call void @llvm.dbg.value(metadata i128 7, metadata !9, metadata !DIExpression()), !dbg !10
  %r = zext i3 %t to i32
  ret i32 %r
}

declare void @llvm.dbg.value(metadata, metadata, metadata)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", emissionKind: FullDebug)
!1 = !DIFile(filename: "k.cpp", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "debug_records", scope: !1, file: !1, line: 1, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{!8, !8}
!8 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!9 = !DILocalVariable(name: "t", scope: !5, file: !1, line: 1, type: !8)
!10 = !DILocation(line: 1, column: 1, scope: !5)
