// The C allocator: malloc and free are named separately.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include <stdlib.h>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  // CHECK: {{.*}}malloc_free.cpp:[[@LINE+3]]:25: error: dynamic allocation is not supported in device code: 'malloc' is not allowed
  // CHECK-NEXT: {{^}}  float *tmp = (float *)malloc(sizeof(float));{{$}}
  // CHECK-NEXT: {{^}}                        ^{{$}}
  float *tmp = (float *)malloc(sizeof(float));
  *tmp = x[0];
  x[it.get_id(0)] = *tmp;
  // CHECK: {{.*}}malloc_free.cpp:[[@LINE+3]]:3: error: dynamic allocation is not supported in device code: 'free' is not allowed
  // CHECK-NEXT: {{^}}  free(tmp);{{$}}
  // CHECK-NEXT: {{^}}  ^{{$}}
  free(tmp);
}
// CHECK-NEXT: 2 errors generated.
