// 'throw' in a device function called by a kernel.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_DEVICE_FUNC float checked(float v) {
  if (v < 0)
    // CHECK: {{.*}}throw.cpp:[[@LINE+3]]:5: error: exceptions are not supported in device code: 'throw' is not allowed
    // CHECK-NEXT: {{^}}    throw 1;{{$}}
    // CHECK-NEXT: {{^}}    ^{{$}}
    throw 1;
  return v;
}

// The note names the kernel that reaches the function.
// CHECK-NEXT: {{.*}}throw.cpp:[[@LINE+3]]:68: note: called from kernel 'k' here
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, float *x) { x[it.get_id(0)] = checked(x[0]); }{{$}}
// CHECK-NEXT: {{^}}                                                                   ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, float *x) { x[it.get_id(0)] = checked(x[0]); }
// CHECK-NEXT: 1 error generated.
