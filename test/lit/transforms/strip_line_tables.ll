; dpex-strip-line-tables: without -g, the line tables kept for diagnostics
; go, with the module flags that announce debug info; other flags stay.
; RUN: dpex-opt -passes=dpex-strip-line-tables %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define void @k() !dbg !5 {
entry:
  ret void, !dbg !8
}

!llvm.dbg.cu = !{!0}
!llvm.module.flags = !{!2, !3, !4}

!0 = distinct !DICompileUnit(language: DW_LANG_C_plus_plus_14, file: !1, emissionKind: LineTablesOnly)
!1 = !DIFile(filename: "k.cpp", directory: ".")
!2 = !{i32 7, !"Dwarf Version", i32 4}
!3 = !{i32 2, !"Debug Info Version", i32 3}
!4 = !{i32 1, !"wchar_size", i32 4}
!5 = distinct !DISubprogram(name: "k", scope: !1, file: !1, line: 1, type: !6, unit: !0, spFlags: DISPFlagDefinition)
!6 = !DISubroutineType(types: !7)
!7 = !{}
!8 = !DILocation(line: 2, column: 1, scope: !5)

; CHECK: define void @k() {
; CHECK-NEXT: entry:
; CHECK-NEXT: ret void{{$}}
; CHECK: !llvm.module.flags = !{![[WCHAR:[0-9]+]]}
; CHECK: ![[WCHAR]] = !{i32 1, !"wchar_size", i32 4}
; CHECK-NOT: Dwarf Version
; CHECK-NOT: DICompileUnit
