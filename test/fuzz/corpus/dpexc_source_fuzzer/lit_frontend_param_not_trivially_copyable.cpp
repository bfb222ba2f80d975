// A struct with a user-provided copy constructor cannot be copied bytewise
// into a kernel argument.
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

// CHECK: {{.*}}param_not_trivially_copyable.cpp:[[@LINE+3]]:66: error: parameter 2 'n' of kernel 'k' has type 'types::NotTriviallyCopyable': structs passed to a kernel must be trivially copyable
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, types::NotTriviallyCopyable n, float *x) {{{$}}
// CHECK-NEXT: {{^}}                                                                 ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, types::NotTriviallyCopyable n, float *x) {
  x[it.get_id(0)] = n.v;
}
// CHECK-NEXT: 1 error generated.
