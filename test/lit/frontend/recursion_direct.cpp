// A device function that calls itself; the caret is on the recursive call,
// and the error names the kernel that reaches it.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_DEVICE_FUNC int fact(int n) {
  // CHECK: {{.*}}recursion_direct.cpp:[[@LINE+3]]:23: error: recursion is not allowed in device code: 'fact' calls itself (reached from kernel 'k')
  // CHECK-NEXT: {{^}}  return n <= 1 ? 1 : fact(n - 1) * n;{{$}}
  // CHECK-NEXT: {{^}}                      ^{{$}}
  return n <= 1 ? 1 : fact(n - 1) * n;
}

// CHECK-NEXT: {{.*}}recursion_direct.cpp:[[@LINE+3]]:66: note: called from kernel 'k' here
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = fact(5); }{{$}}
// CHECK-NEXT: {{^}}                                                                 ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = fact(5); }
// CHECK-NEXT: 1 error generated.
