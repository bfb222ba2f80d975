; dpex-legalize-for-spirv rewrites what SPIRV-LLVM-Translator 15 cannot take
; (freeze) or turns into SPIR-V that spirv-val rejects (a phi naming one
; predecessor twice, an OpVariable outside the first block, a DebugDeclare
; of no variable, an OpSelect of vectors on a scalar condition).
; RUN: dpex-opt -passes=dpex-legalize-for-spirv %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

; `x / 7 + x % 7` at -O2: the optimiser freezes x to compute the remainder
; from the quotient. The freeze goes; its operand takes its place.
define spir_kernel void @divrem(i32 addrspace(1)* %p) {
; CHECK-LABEL: define spir_kernel void @divrem(
; CHECK-NOT: freeze
; CHECK: %div = sdiv i32 %x, 7
; CHECK: %mul = mul i32 %div, 7
; CHECK: %rem = sub i32 %x, %mul
entry:
  %x = load i32, i32 addrspace(1)* %p, align 4
  %x.frozen = freeze i32 %x
  %div = sdiv i32 %x.frozen, 7
  %mul = mul i32 %div, 7
  %rem = sub i32 %x.frozen, %mul
  %sum = add i32 %div, %rem
  store i32 %sum, i32 addrspace(1)* %p, align 4
  ret void
}

; `s == 5 || s == 9 || s == 12` becomes a switch with three edges into the
; phi's block; they go through one new block, which the phi names once.
define spir_func i32 @chain(i32 %s) {
; CHECK-LABEL: define spir_func i32 @chain(
; CHECK: switch i32 %s, label %lor.rhs [
; CHECK-NEXT: i32 9, label %[[VIA:entry.to.lor.end]]
; CHECK-NEXT: i32 5, label %[[VIA]]
; CHECK-NEXT: i32 12, label %[[VIA]]
; CHECK: [[VIA]]:
; CHECK-NEXT: br label %lor.end
; CHECK: lor.end:
; CHECK-NEXT: %r = phi i1 [ false, %lor.rhs ], [ true, %[[VIA]] ]
entry:
  switch i32 %s, label %lor.rhs [
    i32 9, label %lor.end
    i32 5, label %lor.end
    i32 12, label %lor.end
  ]
lor.rhs:
  br label %lor.end
lor.end:
  %r = phi i1 [ true, %entry ], [ false, %lor.rhs ], [ true, %entry ], [ true, %entry ]
  %z = zext i1 %r to i32
  ret i32 %z
}

; A conditional branch whose two edges reach one block with phis.
define spir_func i32 @both_edges(i1 %c, i32 %v) {
; CHECK-LABEL: define spir_func i32 @both_edges(
; CHECK: br i1 %c, label %[[VIA:entry.to.join]], label %[[VIA]]
; CHECK: [[VIA]]:
; CHECK-NEXT: br label %join
; CHECK: %r = phi i32 [ %v, %[[VIA]] ]
entry:
  br i1 %c, label %join, label %join
join:
  %r = phi i32 [ %v, %entry ], [ %v, %entry ]
  ret i32 %r
}

; Repeated edges into a block without phis stay as they are.
define spir_func void @no_phis(i32 %s) {
; CHECK-LABEL: define spir_func void @no_phis(
; CHECK: i32 1, label %out
; CHECK-NEXT: i32 2, label %out
; CHECK-NOT: .to.
entry:
  switch i32 %s, label %out [
    i32 1, label %out
    i32 2, label %out
  ]
out:
  ret void
}

; A local array of an inlined callee, left inside the loop, moves to the
; entry block after the allocas already there; a dynamic alloca stays.
define spir_kernel void @local_array(i32 %n, i32 addrspace(1)* %out) {
; CHECK-LABEL: define spir_kernel void @local_array(
; CHECK-NEXT: entry:
; CHECK-NEXT: %acc = alloca i32, align 4
; CHECK-NEXT: %t = alloca [8 x i32], align 4
; CHECK-NEXT: store i32 0, i32* %acc
; CHECK: loop:
; CHECK-NEXT: %i = phi
; CHECK-NEXT: %dyn = alloca i32, i32 %n
entry:
  %acc = alloca i32, align 4
  store i32 0, i32* %acc
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %i.next, %loop ]
  %t = alloca [8 x i32], align 4
  %dyn = alloca i32, i32 %n
  %slot = getelementptr [8 x i32], [8 x i32]* %t, i32 0, i32 0
  store i32 %i, i32* %slot
  store i32 %i, i32* %dyn
  %v = load i32, i32* %slot
  store i32 %v, i32* %acc
  %i.next = add i32 %i, 1
  %done = icmp eq i32 %i.next, %n
  br i1 %done, label %exit, label %loop
exit:
  %r = load i32, i32* %acc
  store i32 %r, i32 addrspace(1)* %out
  ret void
}

; With -g, SROA can leave the declare of a variable it split with an undef
; address; it describes nothing and goes. A declare of an alloca stays.
define spir_func i32 @declares(i32 %v) !dbg !5 {
; CHECK-LABEL: define spir_func i32 @declares(
; CHECK-NEXT: entry:
; CHECK-NEXT: %x = alloca i32
; CHECK-NEXT: call void @llvm.dbg.declare(metadata i32* %x
; CHECK-NEXT: call void @llvm.dbg.value(metadata i32 %v
; CHECK-NEXT: ret i32 %v
entry:
  %x = alloca i32
  call void @llvm.dbg.declare(metadata i32* %x, metadata !9, metadata !DIExpression()), !dbg !10
  call void @llvm.dbg.declare(metadata i32 addrspace(4)* undef, metadata !9, metadata !DIExpression()), !dbg !10
  call void @llvm.dbg.value(metadata i32 %v, metadata !9, metadata !DIExpression()), !dbg !10
  ret i32 %v
}

; The vectoriser's mask of a predicated division: a select of vectors on
; one boolean, which SPIR-V 1.0's OpSelect cannot take. The boolean is
; splat; a select on a vector of booleans stays.
define spir_func <4 x i1> @vector_select(i1 %c, <4 x i32> %v) {
; CHECK-LABEL: define spir_func <4 x i1> @vector_select(
; CHECK: %[[M:.*]] = icmp eq <4 x i32> %v, zeroinitializer
; CHECK: %[[I:.*]] = insertelement <4 x i1> poison, i1 %c, i32 0
; CHECK: %[[S:.*]] = shufflevector <4 x i1> %[[I]], <4 x i1> poison, <4 x i32> zeroinitializer
; CHECK: %a = select <4 x i1> %[[S]], <4 x i1> %[[M]], <4 x i1> zeroinitializer
; CHECK: %b = select <4 x i1> %[[M]], <4 x i1> <i1 true, i1 true, i1 true, i1 true>, <4 x i1> %a
; CHECK: select i1 %c, i32 1, i32 2
  %m = icmp eq <4 x i32> %v, zeroinitializer
  %a = select i1 %c, <4 x i1> %m, <4 x i1> zeroinitializer
  %b = select <4 x i1> %m, <4 x i1> <i1 true, i1 true, i1 true, i1 true>, <4 x i1> %a
  %s = select i1 %c, i32 1, i32 2
  %e = extractelement <4 x i1> %b, i32 %s
  %r = insertelement <4 x i1> %b, i1 %e, i32 0
  ret <4 x i1> %r
}

declare void @llvm.dbg.declare(metadata, metadata, metadata)
declare void @llvm.dbg.value(metadata, metadata, metadata)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!3}
!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, producer: "clang", emissionKind: FullDebug)
!1 = !DIFile(filename: "k.cpp", directory: "/")
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "declares", scope: !1, file: !1, line: 1, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{!8, !8}
!8 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!9 = !DILocalVariable(name: "x", scope: !5, file: !1, line: 1, type: !8)
!10 = !DILocation(line: 1, column: 1, scope: !5)
