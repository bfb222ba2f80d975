; dpex-nvptx-lower-local-params: a Workgroup pointer parameter (local
; accessor) becomes an i64 byte offset into the dynamic shared memory array,
; assumed 16-byte aligned as the runtime places it.
; dpex-opt runs it on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-lower-local-params %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i64 @_Z13get_local_idj(i32)

define spir_kernel void @tile(float addrspace(1)* %in, float addrspace(3)* %tile) {
entry:
  %l = call spir_func i64 @_Z13get_local_idj(i32 0)
  %src = getelementptr float, float addrspace(1)* %in, i64 %l
  %v = load float, float addrspace(1)* %src
  %dst = getelementptr float, float addrspace(3)* %tile, i64 %l
  store float %v, float addrspace(3)* %dst
  ret void
}

; CHECK: @__dpex_dynamic_shared = external addrspace(3) global [0 x i8], align 16
; CHECK: define spir_kernel void @tile(ptr addrspace(1) %in, i64 %tile)
; CHECK: %tile.ptr = getelementptr inbounds i8, ptr addrspace(3) @__dpex_dynamic_shared, i64 %tile
; CHECK-NEXT: call void @llvm.assume(i1 true) [ "align"(ptr addrspace(3) %tile.ptr, i64 16) ]
; CHECK: %l = call spir_func i64 @_Z13get_local_idj(i32 0)
; CHECK: %dst = getelementptr float, ptr addrspace(3) %tile.ptr, i64 %l
