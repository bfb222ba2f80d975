// std::vector in a kernel: its constructor throws and allocates, its
// destructor deallocates, all inside the standard library. The declaration
// is one error, found in the library, whose notes walk back to the kernel's
// line: the last one, with a caret, is in the kernel source.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <vector>

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}/stl_vector.h:{{[0-9]+}}:{{[0-9]+}}: error: exceptions are not supported in device code: 'std::__throw_length_error' throws
  // CHECK: {{.*}}/stl_vector.h:{{[0-9]+}}:{{[0-9]+}}: note: called from 'std::vector<int>::vector' here
  // CHECK: {{.*}}library_vector.cpp:[[@LINE+3]]:20: note: called from kernel 'k' here
  // CHECK-NEXT: {{^}}  std::vector<int> v(4);{{$}}
  // CHECK-NEXT: {{^}}                   ^{{$}}
  std::vector<int> v(4);
  x[it.get_id(0)] = v[0];
}
// CHECK-NEXT: 1 error generated.
