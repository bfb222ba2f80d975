; dpex-nvptx-lower-atomics: OpenCL 1.2 atomic built-ins (32-bit atomic_*,
; 64-bit atom_*) become LLVM atomics, signedness taken from the mangled name;
; the reader's floating-point atomic_add (OpAtomicFAddEXT) an atomic fadd.
; dpex-opt runs it on opaque pointers, as the PTX builder does (the SPIR
; image, typed, read into an opaque-pointer context).
; RUN: dpex-opt -passes=dpex-nvptx-lower-atomics %s -o - | FileCheck %s

target triple = "spir64-unknown-unknown"

declare spir_func i64 @_Z8atom_addPU3AS1Vll(i64 addrspace(1)*, i64)
declare spir_func i64 @_Z8atom_minPU3AS1Vmm(i64 addrspace(1)*, i64)
declare spir_func i32 @_Z10atomic_maxPU3AS3Vii(i32 addrspace(3)*, i32)
declare spir_func i32 @_Z14atomic_cmpxchgPU3AS1Viii(i32 addrspace(1)*, i32, i32)
declare spir_func float @_Z10atomic_addPU3AS1Vff(float addrspace(1)*, float)
declare spir_func double @_Z10atomic_addPU3AS3Vdd(double addrspace(3)*, double)

define spir_kernel void @k(i64 addrspace(1)* %p, i32 addrspace(1)* %q, i32 addrspace(3)* %l, float addrspace(1)* %f, double addrspace(3)* %g) {
entry:
  %a = call spir_func i64 @_Z8atom_addPU3AS1Vll(i64 addrspace(1)* %p, i64 5)
  %b = call spir_func i64 @_Z8atom_minPU3AS1Vmm(i64 addrspace(1)* %p, i64 %a)
  %c = call spir_func i32 @_Z10atomic_maxPU3AS3Vii(i32 addrspace(3)* %l, i32 7)
  %d = call spir_func i32 @_Z14atomic_cmpxchgPU3AS1Viii(i32 addrspace(1)* %q, i32 %c, i32 9)
  %e = call spir_func float @_Z10atomic_addPU3AS1Vff(float addrspace(1)* %f, float 1.5)
  %h = call spir_func double @_Z10atomic_addPU3AS3Vdd(double addrspace(3)* %g, double -2.0)
  ret void
}

; CHECK: %a = atomicrmw add ptr addrspace(1) %p, i64 5 monotonic
; CHECK: %b = atomicrmw umin ptr addrspace(1) %p, i64 %a monotonic
; CHECK: %c = atomicrmw max ptr addrspace(3) %{{.*}}, i32 7 monotonic
; CHECK: [[D:%.*]] = cmpxchg ptr addrspace(1) %q, i32 %c, i32 9 monotonic monotonic
; CHECK: %d = extractvalue { i32, i1 } [[D]], 0
; CHECK: %e = atomicrmw fadd ptr addrspace(1) %f, float 1.500000e+00 monotonic
; CHECK: %h = atomicrmw fadd ptr addrspace(3) %g, double -2.000000e+00 monotonic
; CHECK-NOT: atom_
; CHECK-NOT: atomic_
