// A struct passed by value must come from a header, which the generated stub
// includes; one defined in the kernel source is rejected. The same struct
// shape from a header is accepted (types::Pod).
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

struct Local {
  float a;
  int b;
};

// CHECK: {{.*}}param_struct_in_main_file.cpp:[[@LINE+3]]:58: error: parameter 3 'l' of kernel 'k' has type 'Local': a struct passed to a kernel must be defined in a header, which the generated stub includes
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, types::Pod p, Local l, float *x) {{{$}}
// CHECK-NEXT: {{^}}                                                         ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, types::Pod p, Local l, float *x) {
  x[it.get_id(0)] = p.a + l.a;
}
// CHECK-NEXT: 1 error generated.
