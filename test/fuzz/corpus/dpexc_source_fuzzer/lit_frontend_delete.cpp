// 'delete' in a kernel, of memory the kernel did not allocate.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  if (it.get_id(0) == 0)
    // CHECK: {{.*}}delete.cpp:[[@LINE+3]]:5: error: dynamic allocation is not supported in device code: 'delete' is not allowed
    // CHECK-NEXT: {{^}}    delete[] x;{{$}}
    // CHECK-NEXT: {{^}}    ^{{$}}
    delete[] x;
}
// CHECK-NEXT: 1 error generated.
