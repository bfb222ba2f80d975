; dpex-resolve-warp-query: the work-group algorithms' switch on
; __dpex_image_has_warp_sub_groups is answered (0 for the SPIR-V and SPIR
; images, 1 with <warp> for the PTX's module); the path not taken goes with
; the allocas and declarations only it used; the other code stays as it is
; (its unused alloca included), the switch's block joined to its successor,
; and the one return left returns its value directly, not through the
; return slot (as clang emits a function with one return).
; RUN: dpex-opt -passes=dpex-resolve-warp-query %s -o - | FileCheck %s --check-prefix=LOCAL
; RUN: dpex-opt -passes='dpex-resolve-warp-query<warp>' %s -o - | FileCheck %s --check-prefix=WARP

target triple = "spir64-unknown-unknown"

@__dpex_image_has_warp_sub_groups = external addrspace(1) constant i32

declare spir_func i32 @_Z22__spirv_BuiltInSubgroupIdv()
declare spir_func i32 @local_path(i32)

define spir_func i32 @reduce(i32 %x) {
entry:
  %retval = alloca i32, align 4
  %unused = alloca i32, align 4
  %out = alloca i32, align 4
  %out.ascast = addrspacecast i32* %out to i32 addrspace(4)*
  %0 = load i32, i32 addrspace(4)* addrspacecast (i32 addrspace(1)* @__dpex_image_has_warp_sub_groups to i32 addrspace(4)*), align 4
  switch i32 %0, label %sw.epilog [
    i32 1, label %__warp_path
  ]
sw.epilog:
  %r = call spir_func i32 @local_path(i32 %x)
  store i32 %r, i32* %retval, align 4
  br label %return
__warp_path:
  %id = call spir_func i32 @_Z22__spirv_BuiltInSubgroupIdv()
  store i32 %id, i32 addrspace(4)* %out.ascast, align 4
  %w = load i32, i32 addrspace(4)* %out.ascast, align 4
  store i32 %w, i32* %retval, align 4
  br label %return
return:
  %1 = load i32, i32* %retval, align 4
  ret i32 %1
}

; LOCAL-NOT: __dpex_image_has_warp_sub_groups
; LOCAL-NOT: __spirv_BuiltInSubgroupId
; LOCAL: define spir_func i32 @reduce(i32 %x) {
; LOCAL-NEXT: entry:
; LOCAL-NEXT: %retval = alloca i32
; LOCAL-NEXT: %unused = alloca i32
; LOCAL-NEXT: %r = call spir_func i32 @local_path(i32 %x)
; LOCAL-NEXT: ret i32 %r
; LOCAL-NEXT: }

; WARP-NOT: __dpex_image_has_warp_sub_groups
; WARP-NOT: @local_path
; WARP: define spir_func i32 @reduce(i32 %x) {
; WARP-NEXT: entry:
; WARP-NEXT: %retval = alloca i32
; WARP-NEXT: %unused = alloca i32
; WARP-NEXT: %out = alloca i32
; WARP-NEXT: %out.ascast = addrspacecast
; WARP-NEXT: %id = call spir_func i32 @_Z22__spirv_BuiltInSubgroupIdv()
; WARP-NEXT: store i32 %id, i32 addrspace(4)* %out.ascast
; WARP-NEXT: %w = load i32, i32 addrspace(4)* %out.ascast
; WARP-NEXT: ret i32 %w
; WARP-NEXT: }
