// A call that dispatches through a vtable.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

struct Shape {
  virtual float area() const { return 0.0f; }
};
struct Square : Shape {
  float side = 1.0f;
  float area() const override { return side * side; }
};

DPEX_DEVICE_FUNC float areaOf(const Shape &s) {
  // CHECK: {{.*}}virtual_call.cpp:[[@LINE+3]]:12: error: virtual call to 'Shape::area' is not allowed in device code
  // CHECK-NEXT: {{^}}  return s.area();{{$}}
  // CHECK-NEXT: {{^}}           ^{{$}}
  return s.area();
}

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  Square sq;
  // A call with a statically known target is fine.
  // CHECK-NEXT: {{.*}}virtual_call.cpp:[[@LINE+3]]:21: note: called from kernel 'k' here
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = areaOf(sq) + sq.Square::area();{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = areaOf(sq) + sq.Square::area();
}
// CHECK-NEXT: 1 error generated.
