; What dpex-legalize-int-widths cannot compute in a legal width is an error
; that names the kernel: integers wider than 64 bits, and an odd width in an
; instruction it does not rewrite. The function is left as it was.
; RUN: split-file %s %t
; RUN: not dpex-opt -passes=dpex-legalize-int-widths %t/wide.ll -o /dev/null 2>&1 | FileCheck --check-prefix=WIDE %s
; RUN: not dpex-opt -passes=dpex-legalize-int-widths %t/intrinsic.ll -o /dev/null 2>&1 | FileCheck --check-prefix=INTRINSIC %s
; WIDE: error: kernel 'k(dpex::item<1>, unsigned long*, unsigned long, unsigned long)' computes with 128-bit integers, which SPIR-V devices do not support
; INTRINSIC: error: kernel 'popcount(int*)': the optimiser formed a 3-bit integer 'call', which dpex cannot express in SPIR-V

;--- wide.ll
target triple = "spir64-unknown-unknown"
define spir_kernel void @_Z1kN4dpex4itemILi1EEEPmmm(i64 addrspace(1)* %out, i64 %a, i64 %b) {
  %wa = zext i64 %a to i128
  %wb = zext i64 %b to i128
  %p = mul i128 %wa, %wb
  %hi = lshr i128 %p, 64
  %r = trunc i128 %hi to i64
  store i64 %r, i64 addrspace(1)* %out
  ret void
}

;--- intrinsic.ll
target triple = "spir64-unknown-unknown"
declare i3 @llvm.ctpop.i3(i3)
define spir_kernel void @_Z8popcountPi(i32 addrspace(1)* %p) {
  %v = load i32, i32 addrspace(1)* %p
  %t = trunc i32 %v to i3
  %c = call i3 @llvm.ctpop.i3(i3 %t)
  %r = zext i3 %c to i32
  store i32 %r, i32 addrspace(1)* %p
  ret void
}
