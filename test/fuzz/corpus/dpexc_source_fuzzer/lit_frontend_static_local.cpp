// A static local is a mutable global in disguise; a const one is fine.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  static const int offset = 3;
  // CHECK: {{.*}}static_local.cpp:[[@LINE+3]]:14: error: static local variable 'seen' is not allowed in device code
  // CHECK-NEXT: {{^}}  static int seen = 0;{{$}}
  // CHECK-NEXT: {{^}}             ^{{$}}
  static int seen = 0;
  x[it.get_id(0)] = offset + seen;
}
// CHECK-NEXT: 1 error generated.
