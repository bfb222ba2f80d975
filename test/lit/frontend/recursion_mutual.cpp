// Mutual recursion through a device function: the kernel calls even(),
// which calls odd(), which calls even() again. The call that closes the
// cycle is the one reported; notes show the rest of the cycle and the call
// from the kernel.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

bool odd(unsigned n);

DPEX_DEVICE_FUNC bool even(unsigned n) { return n == 0 ? true : odd(n - 1); }

bool odd(unsigned n) {
  // CHECK: {{.*}}recursion_mutual.cpp:[[@LINE+3]]:27: error: recursion is not allowed in device code: 'even' calls itself through 'odd' (reached from kernel 'k')
  // CHECK-NEXT: {{^}}  return n == 0 ? false : even(n - 1);{{$}}
  // CHECK-NEXT: {{^}}                          ^{{$}}
  return n == 0 ? false : even(n - 1);
  // CHECK-NEXT: {{.*}}recursion_mutual.cpp:[[@LINE-7]]:65: note: 'even' calls 'odd' here
}

// CHECK: {{.*}}recursion_mutual.cpp:[[@LINE+1]]:66: note: called from kernel 'k' here
DPEX_KERNEL void k(dpex::item<1> it, int *x) { x[it.get_id(0)] = even(7); }
// CHECK: 1 error generated.
