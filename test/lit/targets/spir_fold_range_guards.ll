; dpex-spir-fold-range-guards: on the exact grids the SPIR image runs on,
; each comparison of a backend dimension's global id with its range argument
; is decided (dpex dimension d is backend dimension N-1-d); a comparison of
; another dimension's id, or a signed one, stays.
; RUN: dpex-opt -passes=dpex-spir-fold-range-guards %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i64 @_Z13get_global_idj(i32)

define spir_kernel void @k(i32 addrspace(1)* %out, i64 %__dpex_range0, i64 %__dpex_range1) {
entry:
  %id0 = call spir_func i64 @_Z13get_global_idj(i32 0)
  %id1 = call spir_func i64 @_Z13get_global_idj(i32 1)
  ; dpex dimension 1 is backend dimension 0.
  %in1 = icmp ult i64 %id0, %__dpex_range1
  %out0 = icmp uge i64 %id1, %__dpex_range0
  %rev = icmp ugt i64 %__dpex_range0, %id1
  %wrong = icmp ult i64 %id0, %__dpex_range0
  %signed = icmp slt i64 %id1, %__dpex_range0
  %a = and i1 %in1, %rev
  %b = or i1 %out0, %wrong
  %c = xor i1 %a, %b
  %d = xor i1 %c, %signed
  %z = zext i1 %d to i32
  store i32 %z, i32 addrspace(1)* %out
  ret void
}

; CHECK-NOT: %in1 =
; CHECK-NOT: %out0 =
; CHECK-NOT: %rev =
; CHECK: %wrong = icmp ult i64 %id0, %__dpex_range0
; CHECK: %signed = icmp slt i64 %id1, %__dpex_range0
; CHECK: %a = and i1 true, true
; CHECK: %b = or i1 false, %wrong
