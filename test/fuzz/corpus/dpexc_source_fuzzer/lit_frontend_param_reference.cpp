// A reference parameter: the host cannot pass one.
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

// CHECK: {{.*}}param_reference.cpp:[[@LINE+3]]:45: error: parameter 2 'scale' of kernel 'k' has type 'float &': references cannot be kernel parameters; pass a pointer or a value
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, float &scale, float *x) {{{$}}
// CHECK-NEXT: {{^}}                                            ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, float &scale, float *x) {
  x[it.get_id(0)] *= scale;
}
// CHECK-NEXT: 1 error generated.
