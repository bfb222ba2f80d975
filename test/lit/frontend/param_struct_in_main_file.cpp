// A struct passed by value may be defined in the kernel source itself: the
// stub re-declares it (test/lit/stubgen/redeclared_struct.test). One the
// stub cannot re-declare with the same layout (here: it has a base class, or
// is local to a namespace no header can name) is an error that says why.
// RUN: not dpexc %s -I %inputs -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include "param_types.h"

struct Local {
  float a;
  int b;
};

struct Derived : Local {
  int c;
};

namespace {
struct Hidden {
  int v;
};
} // namespace

// CHECK-NOT: 'l'
// CHECK: {{.*}}param_struct_in_main_file.cpp:[[@LINE+3]]:69: error: parameter 4 'd' of kernel 'k' has type 'Derived': the generated stub cannot re-declare a struct of the kernel source where 'Derived' has base classes; define it in a header, which the stub includes
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, types::Pod p, Local l, Derived d, Hidden h,{{$}}
// CHECK-NEXT: {{^}}                                                                    ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, types::Pod p, Local l, Derived d, Hidden h,
                   float *x) {
  x[it.get_id(0)] = p.a + l.a + d.c + h.v;
}
// CHECK: error: parameter 5 'h' of kernel 'k' has type '(anonymous namespace)::Hidden': the generated stub cannot re-declare a struct of the kernel source where 'Hidden' is in an anonymous or inline namespace; define it in a header, which the stub includes
// CHECK: 2 errors generated.
