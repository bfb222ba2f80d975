// A pointer to pointer: the inner pointers would be host addresses.
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

// CHECK: {{.*}}param_pointer_to_pointer.cpp:[[@LINE+3]]:46: error: parameter 2 'rows' of kernel 'k' has type 'float **': pointers to pointers cannot be kernel parameters
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<2> it, float **rows) {{{$}}
// CHECK-NEXT: {{^}}                                             ^{{$}}
DPEX_KERNEL void k(dpex::item<2> it, float **rows) {
  rows[it.get_id(0)][it.get_id(1)] = 0.0f;
}
// CHECK-NEXT: 1 error generated.
