// __builtin_alloca in a kernel: a dynamically sized stack allocation.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

DPEX_KERNEL void k(dpex::item<1> it, int *out, int n) {
  // CHECK: {{.*}}alloca.cpp:[[@LINE+3]]:19: error: '__builtin_alloca' is not supported in device code: device code has no dynamic stack allocation; use dpex::private_array<T, N>
  // CHECK-NEXT: {{^}}  int *p = (int *)__builtin_alloca(n * sizeof(int));{{$}}
  // CHECK-NEXT: {{^}}                  ^{{$}}
  int *p = (int *)__builtin_alloca(n * sizeof(int));
  for (int i = 0; i < n; ++i)
    p[i] = i;
  out[it.get_id(0)] = p[n - 1];
}
// CHECK-NEXT: 1 error generated.
