; dpex-legalize-debug-locations: a variable location using a DWARF operator
; OpenCL.DebugInfo.100 lacks (DW_OP_LLVM_convert) becomes "optimised out",
; keeping its fragment; expressible locations stay as they are. So does a
; location that does not dominate its dbg.value (an instruction the
; optimiser sank into a later block).
; RUN: dpex-opt -passes=dpex-legalize-debug-locations %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k(i8 %b, i32 %v) !dbg !5 {
entry:
  call void @llvm.dbg.value(metadata i8 %b, metadata !9, metadata !DIExpression(DW_OP_LLVM_convert, 8, DW_ATE_unsigned, DW_OP_LLVM_convert, 32, DW_ATE_unsigned, DW_OP_stack_value)), !dbg !11
  call void @llvm.dbg.value(metadata i8 %b, metadata !12, metadata !DIExpression(DW_OP_LLVM_convert, 8, DW_ATE_unsigned, DW_OP_LLVM_convert, 32, DW_ATE_unsigned, DW_OP_stack_value, DW_OP_LLVM_fragment, 0, 32)), !dbg !11
  call void @llvm.dbg.value(metadata i32 %v, metadata !10, metadata !DIExpression(DW_OP_plus_uconst, 1, DW_OP_stack_value)), !dbg !11
  ret void, !dbg !11
}

define spir_kernel void @sunk(i32 %v, i1 %c) !dbg !20 {
entry:
  call void @llvm.dbg.value(metadata i32 %later, metadata !21, metadata !DIExpression()), !dbg !22
  call void @llvm.dbg.value(metadata i32 %v, metadata !21, metadata !DIExpression()), !dbg !22
  br i1 %c, label %then, label %exit

then:
  %later = add i32 %v, 1
  call void @llvm.dbg.value(metadata i32 %later, metadata !21, metadata !DIExpression()), !dbg !22
  br label %exit

exit:
  call void @llvm.dbg.value(metadata i32 %later, metadata !21, metadata !DIExpression()), !dbg !22
  ret void, !dbg !22
}

declare void @llvm.dbg.value(metadata, metadata, metadata)

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, emissionKind: FullDebug)
!1 = !DIFile(filename: "k.cpp", directory: ".")
!2 = !{i32 7, !"Dwarf Version", i32 4}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!5 = distinct !DISubprogram(name: "k", scope: !1, file: !1, line: 1, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DIBasicType(name: "int", size: 32, encoding: DW_ATE_signed)
!9 = !DILocalVariable(name: "flag", scope: !5, file: !1, line: 1, type: !8)
!10 = !DILocalVariable(name: "next", scope: !5, file: !1, line: 1, type: !8)
!11 = !DILocation(line: 2, column: 1, scope: !5)
!12 = !DILocalVariable(name: "pair", scope: !5, file: !1, line: 1, type: !13)
!13 = !DIBasicType(name: "long", size: 64, encoding: DW_ATE_signed)
!20 = distinct !DISubprogram(name: "sunk", scope: !1, file: !1, line: 5, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!21 = !DILocalVariable(name: "sum", scope: !20, file: !1, line: 5, type: !8)
!22 = !DILocation(line: 6, column: 1, scope: !20)

; CHECK: call void @llvm.dbg.value(metadata i8 undef, metadata ![[FLAG:[0-9]+]], metadata !DIExpression())
; CHECK: call void @llvm.dbg.value(metadata i8 undef, metadata ![[PAIR:[0-9]+]], metadata !DIExpression(DW_OP_LLVM_fragment, 0, 32))
; CHECK: call void @llvm.dbg.value(metadata i32 %v, metadata ![[NEXT:[0-9]+]], metadata !DIExpression(DW_OP_plus_uconst, 1, DW_OP_stack_value))
; CHECK-LABEL: define spir_kernel void @sunk(
; CHECK: entry:
; CHECK-NEXT: call void @llvm.dbg.value(metadata i32 undef, metadata ![[SUM:[0-9]+]], metadata !DIExpression())
; CHECK-NEXT: call void @llvm.dbg.value(metadata i32 %v, metadata ![[SUM]], metadata !DIExpression())
; CHECK: %later = add i32 %v, 1
; CHECK-NEXT: call void @llvm.dbg.value(metadata i32 %later, metadata ![[SUM]], metadata !DIExpression())
; CHECK: exit:
; CHECK-NEXT: call void @llvm.dbg.value(metadata i32 undef, metadata ![[SUM]], metadata !DIExpression())
; CHECK-DAG: ![[FLAG]] = !DILocalVariable(name: "flag"
; CHECK-DAG: ![[NEXT]] = !DILocalVariable(name: "next"
; CHECK-DAG: ![[PAIR]] = !DILocalVariable(name: "pair"
