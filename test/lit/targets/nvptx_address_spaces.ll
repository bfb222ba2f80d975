; dpex-nvptx-map-address-spaces: SPIR's address spaces renumbered as NVPTX's
; everywhere a pointer type occurs. SPIR generic (4) and private (0) are
; NVPTX generic (0), SPIR constant (2) is NVPTX const (4), global (1) and
; local/shared (3) keep their numbers. Casts into generic stay casts (NVPTX's
; cvta), casts between private and generic go, intrinsic overloads and
; libclc's mangled names follow the new spaces.
; dpex-opt runs it on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-map-address-spaces %s -o - | FileCheck %s
; RUN: dpex-opt -passes=dpex-nvptx-map-address-spaces %s -o - | FileCheck --check-prefix=DECL %s
; RUN: dpex-opt -passes=dpex-nvptx-map-address-spaces %s -o - | FileCheck --check-prefix=GONE %s

target triple = "spir64-unknown-unknown"

@table = internal addrspace(2) constant [4 x i32] [i32 1, i32 2, i32 3, i32 4], align 4
@tile = internal addrspace(3) global [8 x i32] undef, align 4
; A generic pointer held in a global: its initializer is a constant cast.
@where = internal addrspace(1) global i32 addrspace(4)* addrspacecast (i32 addrspace(1)* @counter to i32 addrspace(4)*), align 8
@counter = internal addrspace(1) global i32 0, align 4

; CHECK-DAG: @table = internal addrspace(4) constant [4 x i32] [i32 1, i32 2, i32 3, i32 4], align 4
; CHECK-DAG: @tile = internal addrspace(3) global [8 x i32] undef, align 4
; CHECK-DAG: @where = internal addrspace(1) global ptr addrspacecast (ptr addrspace(1) @counter to ptr), align 8
; CHECK-DAG: @counter = internal addrspace(1) global i32 0, align 4

declare void @llvm.memcpy.p4i8.p1i8.i64(i8 addrspace(4)* noalias nocapture writeonly, i8 addrspace(1)* noalias nocapture readonly, i64, i1 immarg)
declare spir_func float @_Z5fractfPU3AS4f(float, float addrspace(4)*)
declare spir_func <4 x float> @_Z6vload4mPU3AS2Kf(i64, float addrspace(2)*)

; A device function over generic pointers: its signature changes, a volatile
; store and an atomic through a generic pointer stay generic.
; CHECK-LABEL: define spir_func void @store(ptr %p, i32 %v)
; CHECK-NEXT: store volatile i32 %v, ptr %p, align 4
; CHECK-NEXT: %old = atomicrmw add ptr %p, i32 %v monotonic
; A private null pointer made generic is just null.
; CHECK-NEXT: store ptr null, ptr addrspace(1) @where, align 8
define spir_func void @store(i32 addrspace(4)* %p, i32 %v) {
  store volatile i32 %v, i32 addrspace(4)* %p, align 4
  %old = atomicrmw add i32 addrspace(4)* %p, i32 %v monotonic
  store i32 addrspace(4)* addrspacecast (i32* null to i32 addrspace(4)*), i32 addrspace(4)* addrspace(1)* @where, align 8
  ret void
}

; CHECK-LABEL: define spir_kernel void @k(ptr addrspace(1) %out, ptr addrspace(1) %other, i32 %which, ptr addrspace(1) %f)
define spir_kernel void @k(i32 addrspace(1)* %out, i32 addrspace(1)* %other, i32 %which, float addrspace(1)* %f) {
entry:
  ; A private variable seen through a generic pointer: no cast is left.
  ; CHECK: %x = alloca float, align 4
  ; CHECK-NOT: addrspacecast ptr %x
  ; CHECK: %r = call spir_func float @_Z5fractfPf(float 1.500000e+00, ptr %x)
  %x = alloca float, align 4
  %xg = addrspacecast float* %x to float addrspace(4)*
  %r = call spir_func float @_Z5fractfPU3AS4f(float 1.5, float addrspace(4)* %xg)
  ; Global and shared pointers selected at run time, through generic.
  ; CHECK: %g = addrspacecast ptr addrspace(1) %out to ptr
  ; CHECK: %s = addrspacecast ptr addrspace(3) @tile to ptr
  ; CHECK: %sel = select i1 %c, ptr %g, ptr %s
  ; CHECK: call spir_func void @store(ptr %sel, i32 7)
  %g = addrspacecast i32 addrspace(1)* %out to i32 addrspace(4)*
  %s = addrspacecast i32 addrspace(3)* getelementptr inbounds ([8 x i32], [8 x i32] addrspace(3)* @tile, i64 0, i64 0) to i32 addrspace(4)*
  %c = icmp eq i32 %which, 0
  %sel = select i1 %c, i32 addrspace(4)* %g, i32 addrspace(4)* %s
  call spir_func void @store(i32 addrspace(4)* %sel, i32 7)
  ; Back from generic to global.
  ; CHECK: %back = addrspacecast ptr %sel to ptr addrspace(1)
  %back = addrspacecast i32 addrspace(4)* %sel to i32 addrspace(1)*
  store i32 1, i32 addrspace(1)* %back, align 4
  ; CHECK: call void @llvm.memcpy.p0.p1.i64(ptr align 4 %gb, ptr addrspace(1) align 4 %ob, i64 4, i1 false)
  %gb = bitcast i32 addrspace(4)* %g to i8 addrspace(4)*
  %ob = bitcast i32 addrspace(1)* %other to i8 addrspace(1)*
  call void @llvm.memcpy.p4i8.p1i8.i64(i8 addrspace(4)* align 4 %gb, i8 addrspace(1)* align 4 %ob, i64 4, i1 false)
  ; CHECK: %t = load i32, ptr addrspace(4) getelementptr inbounds ([4 x i32], ptr addrspace(4) @table, i64 0, i64 2), align 4
  %t = load i32, i32 addrspace(2)* getelementptr inbounds ([4 x i32], [4 x i32] addrspace(2)* @table, i64 0, i64 2), align 4
  ; CHECK: %v = call spir_func <4 x float> @_Z6vload4mPU3AS4Kf(i64 0, ptr addrspace(4) @table)
  %v = call spir_func <4 x float> @_Z6vload4mPU3AS2Kf(i64 0, float addrspace(2)* bitcast ([4 x i32] addrspace(2)* @table to float addrspace(2)*))
  store float %r, float addrspace(1)* %f, align 4
  ret void
}

; DECL-DAG: declare void @llvm.memcpy.p0.p1.i64(
; DECL-DAG: declare spir_func float @_Z5fractfPf(float, ptr)
; DECL-DAG: declare spir_func <4 x float> @_Z6vload4mPU3AS4Kf(i64, ptr addrspace(4))

; GONE-NOT: addrspace(2)
; GONE-NOT: U3AS2
; GONE-NOT: @_Z5fractfPU3AS4f
; GONE-NOT: .p4.
