; dpex-lower-index-builtins replaces each __dpex_* index intrinsic of
; <dpex/kernel.hpp> by the translator's SPIR-V built-in call, with an i32
; dimension, and drops the intrinsic's declaration.
; RUN: dpex-opt -passes=dpex-lower-index-builtins %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

define spir_func i64 @all(i32 %d) {
entry:
  %gid = call spir_func i64 @__dpex_global_id(i32 %d)
  %gsz = call spir_func i64 @__dpex_global_size(i32 1)
  %lid = call spir_func i64 @__dpex_local_id(i32 2)
  %lsz = call spir_func i64 @__dpex_local_size(i32 0)
  %grp = call spir_func i64 @__dpex_group_id(i32 0)
  %ngr = call spir_func i64 @__dpex_num_groups(i32 0)
  %s1 = add i64 %gid, %gsz
  %s2 = add i64 %s1, %lid
  %s3 = add i64 %s2, %lsz
  %s4 = add i64 %s3, %grp
  %s5 = add i64 %s4, %ngr
  ret i64 %s5
}

declare spir_func i64 @__dpex_global_id(i32)
declare spir_func i64 @__dpex_global_size(i32)
declare spir_func i64 @__dpex_local_id(i32)
declare spir_func i64 @__dpex_local_size(i32)
declare spir_func i64 @__dpex_group_id(i32)
declare spir_func i64 @__dpex_num_groups(i32)

; CHECK-LABEL: define spir_func i64 @all(i32 %d)
; CHECK: %[[GID:[0-9]+]] = call spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32 %d)
; CHECK: %[[GSZ:[0-9]+]] = call spir_func i64 @_Z25__spirv_BuiltInGlobalSizei(i32 1)
; CHECK: %[[LID:[0-9]+]] = call spir_func i64 @_Z32__spirv_BuiltInLocalInvocationIdi(i32 2)
; CHECK: %[[LSZ:[0-9]+]] = call spir_func i64 @_Z28__spirv_BuiltInWorkgroupSizei(i32 0)
; CHECK: %[[GRP:[0-9]+]] = call spir_func i64 @_Z26__spirv_BuiltInWorkgroupIdi(i32 0)
; CHECK: %[[NGR:[0-9]+]] = call spir_func i64 @_Z28__spirv_BuiltInNumWorkgroupsi(i32 0)
; CHECK: %s1 = add i64 %[[GID]], %[[GSZ]]
; CHECK: %s5 = add i64 %s4, %[[NGR]]
; CHECK-NOT: __dpex_
; CHECK: declare spir_func i64 @_Z33__spirv_BuiltInGlobalInvocationIdi(i32) #[[RN:[0-9]+]]
; CHECK: attributes #[[RN]] = { nounwind readnone willreturn }
