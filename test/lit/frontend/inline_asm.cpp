// Inline assembly in a kernel: host assembly means nothing to a device.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, int *out) {
  int v = 1;
  // CHECK: {{.*}}inline_asm.cpp:[[@LINE+3]]:3: error: inline assembly is not supported in device code
  // CHECK-NEXT: {{^}}  asm volatile("" : "+r"(v));{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  asm volatile("" : "+r"(v));
  out[it.get_id(0)] = v;
}
// CHECK-NEXT: 1 error generated.
