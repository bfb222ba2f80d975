// thread_local: a local declaration and a use of a global one.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

thread_local int perThread;

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}thread_local.cpp:[[@LINE+3]]:20: error: thread_local variable 'scratch' is not allowed in device code
  // CHECK-NEXT: {{^}}  thread_local int scratch = 0;{{$}}
  // CHECK-NEXT: {{^}}                   ^{{$}}
  thread_local int scratch = 0;
  // CHECK: {{.*}}thread_local.cpp:[[@LINE+3]]:21: error: use of thread_local variable 'perThread' is not allowed in device code
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = perThread + scratch;{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = perThread + scratch;
}
// CHECK-NEXT: 2 errors generated.
