; A printf whose format is not a constant string.
target triple = "spir64-unknown-unknown"

define spir_func void @k(i8 addrspace(4)* %fmt) {
  %call = call spir_func i32 @_Z18__spirv_ocl_printfIJEEiPKcDpT_(i8 addrspace(4)* %fmt)
  ret void
}
declare spir_func i32 @_Z18__spirv_ocl_printfIJEEiPKcDpT_(i8 addrspace(4)*)
