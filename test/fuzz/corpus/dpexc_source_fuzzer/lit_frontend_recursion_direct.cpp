// A device function that calls itself; the caret is on the recursive call.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_DEVICE_FUNC int fact(int n) {
  // CHECK: {{.*}}recursion_direct.cpp:[[@LINE+3]]:23: error: recursive call to 'fact' is not allowed in device code
  // CHECK-NEXT: {{^}}  return n <= 1 ? 1 : fact(n - 1) * n;{{$}}
  // CHECK-NEXT: {{^}}                      ^{{$}}
  return n <= 1 ? 1 : fact(n - 1) * n;
}

DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = fact(5); }
// CHECK-NEXT: 1 error generated.
