// A 'try' block in a kernel.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  // CHECK: {{.*}}try.cpp:[[@LINE+3]]:3: error: exceptions are not supported in device code: 'try' is not allowed
  // CHECK-NEXT: {{^}}  try {{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  try {
    x[it.get_id(0)] = 1.0f;
  } catch (...) {
  }
}
// CHECK-NEXT: 1 error generated.
