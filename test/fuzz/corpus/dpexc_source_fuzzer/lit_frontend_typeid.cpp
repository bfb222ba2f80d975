// RTTI: 'typeid'.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>
#include <typeinfo>

struct Base {
  virtual ~Base() {}
};
struct Derived : Base {};

DPEX_KERNEL void k(dpex::item<1> it, int *x) {
  Derived d;
  Base &b = d;
  // CHECK: {{.*}}typeid.cpp:[[@LINE+3]]:21: error: RTTI is not supported in device code: 'typeid' is not allowed
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = typeid(b) == typeid(Derived);{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = typeid(b) == typeid(Derived);
  // CHECK: {{.*}}typeid.cpp:[[@LINE-1]]:34: error: RTTI is not supported in device code: 'typeid' is not allowed
}
// CHECK: 2 errors generated.
