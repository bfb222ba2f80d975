; dpex-infer-address-spaces rewrites generic (addrspace 4) pointers that
; provably come from a CrossWorkgroup (1) or Workgroup (3) pointer to that
; space, through allocas and GEPs; a pointer whose origin is unknown
; stays generic.
; RUN: dpex-opt -passes=dpex-infer-address-spaces %s -o - | FileCheck %s

target datalayout = "e-i64:64-v16:16-v24:32-v32:32-v48:64-v96:128-v192:256-v256:256-v512:512-v1024:1024"
target triple = "spir64-unknown-unknown"

define spir_kernel void @k(float addrspace(1)* %x, float addrspace(3)* %tile, float addrspace(4)* addrspace(1)* %unknown, i64 %i) {
entry:
  ; Spilled to an alloca, as clang does at -O0: promoted first.
  %slot = alloca float addrspace(4)*, align 8
  %gx = addrspacecast float addrspace(1)* %x to float addrspace(4)*
  store float addrspace(4)* %gx, float addrspace(4)** %slot, align 8
  %reload = load float addrspace(4)*, float addrspace(4)** %slot, align 8
  %px = getelementptr inbounds float, float addrspace(4)* %reload, i64 %i
  %v = load float, float addrspace(4)* %px, align 4
  %gt = addrspacecast float addrspace(3)* %tile to float addrspace(4)*
  %pt = getelementptr inbounds float, float addrspace(4)* %gt, i64 %i
  store float %v, float addrspace(4)* %pt, align 4
  %other = load float addrspace(4)*, float addrspace(4)* addrspace(1)* %unknown, align 8
  store float %v, float addrspace(4)* %other, align 4
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(
; CHECK-NOT: alloca
; CHECK: %px = getelementptr inbounds float, float addrspace(1)* %x, i64 %i
; CHECK-NEXT: %v = load float, float addrspace(1)* %px, align 4
; CHECK-NEXT: %pt = getelementptr inbounds float, float addrspace(3)* %tile, i64 %i
; CHECK-NEXT: store float %v, float addrspace(3)* %pt, align 4
; CHECK-NEXT: %other = load float addrspace(4)*, float addrspace(4)* addrspace(1)* %unknown, align 8
; CHECK-NEXT: store float %v, float addrspace(4)* %other, align 4
; CHECK-NEXT: ret void
