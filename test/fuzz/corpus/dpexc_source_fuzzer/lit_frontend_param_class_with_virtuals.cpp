// A class with virtual functions: its vtable pointer is a host address.
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

// CHECK: {{.*}}param_class_with_virtuals.cpp:[[@LINE+3]]:57: error: parameter 2 'v' of kernel 'k' has type 'types::WithVirtual': classes with virtual functions cannot be kernel parameters
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, types::WithVirtual v, float *x) {{{$}}
// CHECK-NEXT: {{^}}                                                        ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, types::WithVirtual v, float *x) {
  x[it.get_id(0)] = v.v;
}
// CHECK-NEXT: 1 error generated.
