; With an assertions build of LLVM, a target-neutral pass counts what it
; changes (-stats) and traces it (-debug-only), under its registry name.
; REQUIRES: asserts
; RUN: dpex-opt -passes=dpex-lower-exact-frem -stats %s -o /dev/null 2>&1 | FileCheck --check-prefix=STATS %s
; RUN: dpex-opt -passes=dpex-lower-exact-frem -debug-only=dpex-lower-exact-frem %s -o /dev/null 2>&1 | FileCheck --check-prefix=DEBUG %s

define float @remainder(float %x, float %y) {
entry:
  %r = frem float %x, %y
  ret float %r
}

; STATS: 1 dpex-lower-exact-frem{{ +}}- frem instructions computed with an FMA
; DEBUG: remainder: {{ *}}%r = frem float %x, %y
