; dpex-nvptx-lower-bit-counts: OpenCL clz, ctz and popcount on scalar
; integers become ctlz, cttz and ctpop (zero input defined: the width, as in
; OpenCL); vector overloads stay for libclc.
; RUN: dpex-opt -passes=dpex-nvptx-lower-bit-counts %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i32 @_Z3clzi(i32)
declare spir_func i64 @_Z3ctzm(i64)
declare spir_func i16 @_Z8popcounts(i16)
declare spir_func <2 x i32> @_Z3clzDv2_i(<2 x i32>)

define spir_kernel void @k(i32 %x, i64 %y, i16 %z, <2 x i32> %v) {
entry:
  %a = call spir_func i32 @_Z3clzi(i32 %x)
  %b = call spir_func i64 @_Z3ctzm(i64 %y)
  %c = call spir_func i16 @_Z8popcounts(i16 %z)
  %d = call spir_func <2 x i32> @_Z3clzDv2_i(<2 x i32> %v)
  ret void
}

; CHECK: {{%[0-9]+}} = call i32 @llvm.ctlz.i32(i32 %x, i1 false)
; CHECK: {{%[0-9]+}} = call i64 @llvm.cttz.i64(i64 %y, i1 false)
; CHECK: {{%[0-9]+}} = call i16 @llvm.ctpop.i16(i16 %z)
; CHECK: %d = call spir_func <2 x i32> @_Z3clzDv2_i(
; CHECK-NOT: declare spir_func i32 @_Z3clzi
