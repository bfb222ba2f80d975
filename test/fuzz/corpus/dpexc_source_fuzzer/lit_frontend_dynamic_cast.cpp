// RTTI: 'dynamic_cast'.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

struct Base {
  virtual ~Base() {}
};
struct Derived : Base {
  int v = 1;
};

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  Derived d;
  Base *b = &d;
  // CHECK: {{.*}}dynamic_cast.cpp:[[@LINE+3]]:16: error: RTTI is not supported in device code: 'dynamic_cast' is not allowed
  // CHECK-NEXT: {{^}}  Derived *p = dynamic_cast<Derived *>(b);{{$}}
  // CHECK-NEXT: {{^}}               ^{{$}}
  Derived *p = dynamic_cast<Derived *>(b);
  x[it.get_id(0)] = p ? p->v : 0;
}
// CHECK-NEXT: 1 error generated.
