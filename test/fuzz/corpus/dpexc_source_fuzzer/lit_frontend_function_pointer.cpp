// A call through a function pointer.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

float twice(float v) { return 2 * v; }
float thrice(float v) { return 3 * v; }

DPEX_KERNEL void k(dpex::item<1> it, float *x, int which) {
  float (*fn)(float) = which ? twice : thrice;
  size_t i = it.get_id(0);
  // CHECK: {{.*}}function_pointer.cpp:[[@LINE+3]]:10: error: indirect call through function pointer 'fn' is not allowed in device code
  // CHECK-NEXT: {{^}}  x[i] = fn(x[i]);{{$}}
  // CHECK-NEXT: {{^}}         ^{{$}}
  x[i] = fn(x[i]);
}
// CHECK-NEXT: 1 error generated.
