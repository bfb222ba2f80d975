// A 'throw' inside a library function: std::optional::value() throws
// std::bad_optional_access from a helper in <optional>. The error is at the
// throw, the notes lead back to the kernel's call.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <optional>

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  std::optional<int> o;
  if (x[0] > 0)
    o = x[0];
  // CHECK: {{.*}}/optional:{{[0-9]+}}:{{[0-9]+}}: error: exceptions are not supported in device code: 'throw' is not allowed
  // CHECK: {{.*}}/optional:{{[0-9]+}}:{{[0-9]+}}: note: called from 'std::optional<int>::value' here
  // CHECK: {{.*}}library_optional_throw.cpp:[[@LINE+3]]:21: note: called from kernel 'k' here
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = o.value();{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = o.value();
}
// CHECK-NEXT: 1 error generated.
