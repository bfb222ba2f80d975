; dpex-nvptx-lower-local-params: a Workgroup pointer parameter (local
; accessor) becomes an i64 byte offset into the dynamic shared memory array,
; assumed 16-byte aligned as the runtime places it.
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
; CHECK: define spir_kernel void @tile(float addrspace(1)* %in, i64 %tile)
; CHECK: %tile.ptr = getelementptr inbounds i8, i8 addrspace(3)* getelementptr inbounds ([0 x i8], [0 x i8] addrspace(3)* @__dpex_dynamic_shared, i32 0, i32 0), i64 %tile
; CHECK-NEXT: call void @llvm.assume(i1 true) [ "align"(i8 addrspace(3)* %tile.ptr, i64 16) ]
; CHECK: bitcast i8 addrspace(3)* %tile.ptr to float addrspace(3)*
; CHECK: call spir_func i64 @_Z13get_local_idj(i32 0)
