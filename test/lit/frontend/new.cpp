// 'new' in a kernel: the allocating forms are rejected, the nothrow one
// included; placement new into storage the kernel owns is not.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <new>

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  // CHECK: {{.*}}new.cpp:[[@LINE+3]]:16: error: dynamic allocation is not supported in device code: 'new' is not allowed
  // CHECK-NEXT: {{^}}  float *tmp = new float(x[0]);{{$}}
  // CHECK-NEXT: {{^}}               ^{{$}}
  float *tmp = new float(x[0]);
  // CHECK-NEXT: {{.*}}new.cpp:[[@LINE+3]]:17: error: dynamic allocation is not supported in device code: 'new' is not allowed
  // CHECK-NEXT: {{^}}  float *tmp2 = new (std::nothrow) float(x[1]);{{$}}
  // CHECK-NEXT: {{^}}                ^{{$}}
  float *tmp2 = new (std::nothrow) float(x[1]);
  alignas(float) unsigned char storage[sizeof(float)];
  float *placed = new (storage) float(x[2]);
  x[it.get_id(0)] = *tmp + *tmp2 + *placed;
}
// CHECK-NEXT: 2 errors generated.
