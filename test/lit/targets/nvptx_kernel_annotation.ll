; dpex-nvptx-annotate-kernels: the module takes NVPTX's triple and data
; layout, SPIR calling conventions become C, and each kernel is marked in
; !nvvm.annotations. Run after dpex-nvptx-lower-local-params, the annotation
; names the rebuilt kernel.
; dpex-opt runs it on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-annotate-kernels %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-nvptx-lower-local-params,dpex-nvptx-annotate-kernels %s -o - | FileCheck --check-prefix=REBUILT %s

target triple = "spir64-unknown-unknown"

declare spir_func i64 @_Z13get_local_idj(i32)

define spir_func void @helper() {
entry:
  ret void
}

define spir_kernel void @tile(float addrspace(3)* %tile) {
entry:
  %l = call spir_func i64 @_Z13get_local_idj(i32 0)
  call spir_func void @helper()
  ret void
}

define spir_kernel void @plain(i32 addrspace(1)* %p) {
entry:
  ret void
}

; CHECK: target datalayout = "e-i64:64-i128:128-v16:16-v32:32-n16:32:64"
; CHECK: target triple = "nvptx64-nvidia-cuda"
; CHECK: declare i64 @_Z13get_local_idj(i32)
; CHECK: define void @helper()
; CHECK: define void @tile(ptr addrspace(3) %tile)
; CHECK: call i64 @_Z13get_local_idj(i32 0)
; CHECK: call void @helper()
; CHECK: define void @plain(
; CHECK: !nvvm.annotations = !{![[TILE:[0-9]+]], ![[PLAIN:[0-9]+]]}
; CHECK-DAG: ![[TILE]] = !{ptr @tile, !"kernel", i32 1}
; CHECK-DAG: ![[PLAIN]] = !{ptr @plain, !"kernel", i32 1}

; REBUILT: define void @tile(i64 %tile)
; REBUILT-DAG: !{ptr @tile, !"kernel", i32 1}
; REBUILT-DAG: !{ptr @plain, !"kernel", i32 1}
