// Errors in a user template that a kernel instantiates. Clang's own errors
// come with its "in instantiation of" note at the kernel's call; a
// restriction violated in the instantiation names the kernel that calls it.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace --check-prefix=SEMA %s
// RUN: not dpexc %s -DTHROWS -o %t 2>&1 | FileCheck --strict-whitespace --check-prefix=DPEX %s
#include <dpex/kernel.hpp>

#ifndef THROWS
template <typename T> T twice(T v) { return v.doubled(); }
// SEMA: {{.*}}template_instantiation.cpp:[[@LINE-1]]:46: error: member reference base type 'int' is not a structure or union
// SEMA: {{.*}}template_instantiation.cpp:[[@LINE+4]]:66: note: in instantiation of function template specialization 'twice<int>' requested here
// SEMA-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = twice(x[0]); }{{$}}
// SEMA-NEXT: {{^}}                                                                 ^{{$}}
// SEMA-NEXT: 1 error generated.
DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = twice(x[0]); }
#else
template <typename T> T positive(T v) {
  // DPEX: {{.*}}template_instantiation.cpp:[[@LINE+1]]:18: error: exceptions are not supported in device code: 'throw' is not allowed
  return v < 0 ? throw v : v;
}
// DPEX: {{.*}}template_instantiation.cpp:[[@LINE+4]]:66: note: called from kernel 'k' here
// DPEX-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = positive(x[0]); }{{$}}
// DPEX-NEXT: {{^}}                                                                 ^{{$}}
// DPEX-NEXT: 1 error generated.
DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = positive(x[0]); }
#endif
