// A variable-length array (a Clang extension in C++).
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x, int n) {
  // CHECK: {{.*}}vla.cpp:[[@LINE+3]]:9: error: variable-length array 'tmp' is not allowed in device code
  // CHECK-NEXT: {{^}}  float tmp[n];{{$}}
  // CHECK-NEXT: {{^}}        ^{{$}}
  float tmp[n];
  tmp[0] = x[0];
  x[it.get_id(0)] = tmp[0];
}
// CHECK-NEXT: 1 error generated.
