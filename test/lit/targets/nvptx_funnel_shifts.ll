; dpex-nvptx-expand-funnel-shifts: 64-bit fshl/fshr become shifts by the
; amount modulo 64 and by 63 minus it after a shift by one, so that no
; rotate reaches NVPTX's selection, which does not reduce the amount; other
; widths stay (NVPTX's 32-bit rotate wraps).
; RUN: dpex-opt -passes=dpex-nvptx-expand-funnel-shifts %s -o - | FileCheck %s

target triple = "nvptx64-nvidia-cuda"

declare i64 @llvm.fshr.i64(i64, i64, i64)
declare i64 @llvm.fshl.i64(i64, i64, i64)
declare i32 @llvm.fshr.i32(i32, i32, i32)

; CHECK-LABEL: define i64 @rotr(
; CHECK-NEXT:    [[NEAR:%.*]] = and i64 %c, 63
; CHECK-NEXT:    [[NOT:%.*]] = xor i64 %c, -1
; CHECK-NEXT:    [[FAR:%.*]] = and i64 [[NOT]], 63
; CHECK-NEXT:    [[LO:%.*]] = lshr i64 %x, [[NEAR]]
; CHECK-NEXT:    [[ONE:%.*]] = shl i64 %x, 1
; CHECK-NEXT:    [[HI:%.*]] = shl i64 [[ONE]], [[FAR]]
; CHECK-NEXT:    %r = or i64 [[LO]], [[HI]]
; CHECK-NEXT:    ret i64 %r
define i64 @rotr(i64 %x, i64 %c) {
  %r = call i64 @llvm.fshr.i64(i64 %x, i64 %x, i64 %c)
  ret i64 %r
}

; CHECK-LABEL: define i64 @fshl(
; CHECK-NEXT:    [[NEAR:%.*]] = and i64 %c, 63
; CHECK-NEXT:    [[NOT:%.*]] = xor i64 %c, -1
; CHECK-NEXT:    [[FAR:%.*]] = and i64 [[NOT]], 63
; CHECK-NEXT:    [[HI:%.*]] = shl i64 %x, [[NEAR]]
; CHECK-NEXT:    [[ONE:%.*]] = lshr i64 %y, 1
; CHECK-NEXT:    [[LO:%.*]] = lshr i64 [[ONE]], [[FAR]]
; CHECK-NEXT:    %r = or i64 [[HI]], [[LO]]
; CHECK-NEXT:    ret i64 %r
define i64 @fshl(i64 %x, i64 %y, i64 %c) {
  %r = call i64 @llvm.fshl.i64(i64 %x, i64 %y, i64 %c)
  ret i64 %r
}

; CHECK-LABEL: define i32 @rotr32(
; CHECK-NEXT:    %r = call i32 @llvm.fshr.i32(i32 %x, i32 %x, i32 %c)
define i32 @rotr32(i32 %x, i32 %c) {
  %r = call i32 @llvm.fshr.i32(i32 %x, i32 %x, i32 %c)
  ret i32 %r
}
