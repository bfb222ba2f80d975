// 'new' in a kernel.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  // CHECK: {{.*}}new.cpp:[[@LINE+3]]:16: error: dynamic allocation is not supported in device code: 'new' is not allowed
  // CHECK-NEXT: {{^}}  float *tmp = new float(x[0]);{{$}}
  // CHECK-NEXT: {{^}}               ^{{$}}
  float *tmp = new float(x[0]);
  x[it.get_id(0)] = *tmp;
}
// CHECK-NEXT: 1 error generated.
