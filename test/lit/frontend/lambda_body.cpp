// A lambda's body is device code when a kernel calls it, directly or
// through a template or a standard algorithm; its violations are reported
// with the calls that reach it.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <algorithm>

int counter;

DPEX_KERNEL void direct(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}lambda_body.cpp:[[@LINE+1]]:28: error: use of mutable global variable 'counter' is not allowed in device code
  auto bump = [&](int a) { counter += a; return a; };
  // CHECK: {{.*}}lambda_body.cpp:[[@LINE+3]]:21: note: called from kernel 'direct' here
  // CHECK-NEXT: {{^}}  x[it.get_id(0)] = bump(x[0]);{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  x[it.get_id(0)] = bump(x[0]);
}

template <typename F> int apply(F f, int a) { return f(a); }

DPEX_KERNEL void through_template(dpex::item<1> it, int *x) {
  x[it.get_id(0)] = apply(
      [](int a) {
        if (a == 0)
          // CHECK: {{.*}}lambda_body.cpp:[[@LINE+1]]:11: error: exceptions are not supported in device code: 'throw' is not allowed
          throw a;
        return a;
      },
      // CHECK: {{.*}}lambda_body.cpp:[[@LINE-10]]:54: note: called from 'apply<(lambda at {{.*}}lambda_body.cpp:[[@LINE-6]]:7)>' here
      // CHECK: {{.*}}lambda_body.cpp:[[@LINE-8]]:21: note: called from kernel 'through_template' here
      x[0]);
}

DPEX_KERNEL void through_algorithm(dpex::item<1> it, int *x) {
  // CHECK: {{.*}}lambda_body.cpp:[[@LINE+3]]:7: error: exceptions are not supported in device code: 'throw' is not allowed
  std::partial_sort(x, x + 4, x + 8, [](int a, int b) {
    if (a == b)
      throw a;
    return a < b;
  });
  // CHECK: note: called from 'std::partial_sort<int *, (lambda at {{.*}}lambda_body.cpp:[[@LINE-5]]:38)>' here
  // CHECK: {{.*}}lambda_body.cpp:[[@LINE-6]]:3: note: called from kernel 'through_algorithm' here
}
// CHECK: 3 errors generated.
