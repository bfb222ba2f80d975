; dpex-nvptx-resolve-nvvm-reflect: libdevice's __nvvm_reflect queries
; answered for the image (defaults: sm_50, no flush-to-zero, IEEE sqrt),
; unknown ones 0 as libdevice assumes; nvvm-reflect-ftz recorded for LLVM's
; own NVVMReflect. A query that is not a constant string stays, for the PTX
; builder to report.
; RUN: dpex-opt -passes=dpex-nvptx-resolve-nvvm-reflect %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

@arch = private unnamed_addr addrspace(4) constant [12 x i8] c"__CUDA_ARCH\00"
@ftz = private unnamed_addr addrspace(4) constant [11 x i8] c"__CUDA_FTZ\00"
@sqrt = private unnamed_addr addrspace(4) constant [17 x i8] c"__CUDA_PREC_SQRT\00"
@other = private unnamed_addr addrspace(4) constant [8 x i8] c"__OTHER\00"

declare i32 @__nvvm_reflect(ptr)

define void @f(ptr addrspace(1) %out, ptr %dynamic) {
entry:
  %a = call i32 @__nvvm_reflect(ptr addrspacecast (ptr addrspace(4) @arch to ptr))
  store i32 %a, ptr addrspace(1) %out
  %f = call i32 @__nvvm_reflect(ptr addrspacecast (ptr addrspace(4) @ftz to ptr))
  store i32 %f, ptr addrspace(1) %out
  %s = call i32 @__nvvm_reflect(ptr addrspacecast (ptr addrspace(4) @sqrt to ptr))
  store i32 %s, ptr addrspace(1) %out
  %o = call i32 @__nvvm_reflect(ptr addrspacecast (ptr addrspace(4) @other to ptr))
  store i32 %o, ptr addrspace(1) %out
  %d = call i32 @__nvvm_reflect(ptr %dynamic)
  store i32 %d, ptr addrspace(1) %out
  ret void
}

; CHECK: store i32 500, ptr addrspace(1) %out
; CHECK-NEXT: store i32 0, ptr addrspace(1) %out
; CHECK-NEXT: store i32 1, ptr addrspace(1) %out
; CHECK-NEXT: store i32 0, ptr addrspace(1) %out
; CHECK-NEXT: %d = call i32 @__nvvm_reflect(ptr %dynamic)
; CHECK: !{i32 4, !"nvvm-reflect-ftz", i32 0}
