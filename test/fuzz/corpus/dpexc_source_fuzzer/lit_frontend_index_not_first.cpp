// The index parameter after another one: one error, on the misplaced index.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

// CHECK: {{.*}}index_not_first.cpp:[[@LINE+3]]:50: error: parameter 2 'it' of kernel 'late' has type 'dpex::nd_item<1>': the index parameter must come first
// CHECK-NEXT: {{^}}DPEX_KERNEL void late(float *x, dpex::nd_item<1> it) {{{$}}
// CHECK-NEXT: {{^}}                                                 ^{{$}}
DPEX_KERNEL void late(float *x, dpex::nd_item<1> it) {
  x[it.get_global_id(0)] = 1.0f;
}
// CHECK-NEXT: 1 error generated.
