// A computed goto (GNU labels as values) in a kernel: both the label
// addresses and the indirect goto are named.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, long *o) {
  // CHECK: {{.*}}computed_goto.cpp:[[@LINE+6]]:20: error: address of label 'a' (computed goto) is not supported in device code
  // CHECK-NEXT: {{^}}  void *p = o[0] ? &&a : &&b;{{$}}
  // CHECK-NEXT: {{^}}                   ^{{$}}
  // CHECK-NEXT: {{.*}}computed_goto.cpp:[[@LINE+3]]:26: error: address of label 'b' (computed goto) is not supported in device code
  // CHECK-NEXT: {{^}}  void *p = o[0] ? &&a : &&b;{{$}}
  // CHECK-NEXT: {{^}}                         ^{{$}}
  void *p = o[0] ? &&a : &&b;
  // CHECK-NEXT: {{.*}}computed_goto.cpp:[[@LINE+3]]:3: error: computed 'goto' is not supported in device code
  // CHECK-NEXT: {{^}}  goto *p;{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  goto *p;
a:
  o[1] = 1;
  return;
b:
  o[1] = 2;
}
// CHECK-NEXT: 3 errors generated.
