; dpex-nvptx-keep-line-directives: with -gline-tables-only, the compile
; units become DebugDirectivesOnly (NVPTX writes .file/.loc, no DWARF
; sections, no `debug` target), inlined subprograms included; variables go.
; RUN: dpex-opt -passes=dpex-nvptx-keep-line-directives %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_kernel void @k(i32 %v) !dbg !5 {
entry:
  call void @llvm.dbg.value(metadata i32 %v, metadata !9, metadata !DIExpression()), !dbg !11
  ret void, !dbg !12
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
!9 = !DILocalVariable(name: "v", scope: !5, file: !1, line: 1, type: !8)
!10 = distinct !DISubprogram(name: "helper", scope: !1, file: !1, line: 5, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!11 = !DILocation(line: 2, column: 1, scope: !5)
!12 = !DILocation(line: 6, column: 3, scope: !10, inlinedAt: !11)

; CHECK-NOT: llvm.dbg.value
; CHECK: ret void, !dbg
; CHECK-NOT: DILocalVariable
; CHECK-DAG: ![[CU:[0-9]+]] = distinct !DICompileUnit({{.*}}emissionKind: DebugDirectivesOnly
; CHECK-DAG: distinct !DISubprogram(name: "k"{{.*}}unit: ![[CU]]
; CHECK-DAG: distinct !DISubprogram(name: "helper"{{.*}}unit: ![[CU]]
; CHECK-NOT: FullDebug
