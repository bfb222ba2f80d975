// Mutual recursion between two plain functions, entered from two kernels
// through different functions of the cycle: one error for the cycle, which
// names both kernels; notes show the rest of the cycle and how each kernel
// reaches it.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

bool odd(unsigned n);
bool even(unsigned n) { return n == 0 ? true : odd(n - 1); }
// CHECK: {{.*}}recursion_two_kernels.cpp:[[@LINE+1]]:48: error: recursion is not allowed in device code: 'even' calls itself through 'odd' (reached from kernels 'k1' and 'k2')
bool odd(unsigned n) { return n == 0 ? false : even(n - 1); }
// CHECK-NEXT: {{^}}bool odd(unsigned n) { return n == 0 ? false : even(n - 1); }{{$}}
// CHECK-NEXT: {{^}}                                               ^{{$}}
// CHECK-NEXT: {{.*}}recursion_two_kernels.cpp:[[@LINE-5]]:48: note: 'even' calls 'odd' here
// CHECK-NEXT: {{^}}bool even(unsigned n) { return n == 0 ? true : odd(n - 1); }{{$}}
// CHECK-NEXT: {{^}}                                               ^{{$}}
// CHECK-NEXT: {{.*}}recursion_two_kernels.cpp:[[@LINE+7]]:67: note: called from kernel 'k1' here
// CHECK-NEXT: {{^}}DPEX_KERNEL void k1(dpex::item<1> it, int *x) { x[it.get_id(0)] = even(x[0]); }{{$}}
// CHECK-NEXT: {{^}}                                                                  ^{{$}}
// CHECK-NEXT: {{.*}}recursion_two_kernels.cpp:[[@LINE-9]]:48: note: called from 'odd' here
// CHECK-NEXT: {{^}}bool odd(unsigned n) { return n == 0 ? false : even(n - 1); }{{$}}
// CHECK-NEXT: {{^}}                                               ^{{$}}
// CHECK-NEXT: {{.*}}recursion_two_kernels.cpp:[[@LINE+2]]:67: note: called from kernel 'k2' here
DPEX_KERNEL void k1(dpex::item<1> it, int *x) { x[it.get_id(0)] = even(x[0]); }
DPEX_KERNEL void k2(dpex::item<1> it, int *x) { x[it.get_id(0)] = odd(x[0]); }
// CHECK-NEXT: {{^}}DPEX_KERNEL void k2(dpex::item<1> it, int *x) { x[it.get_id(0)] = odd(x[0]); }{{$}}
// CHECK-NEXT: {{^}}                                                                  ^{{$}}
// CHECK-NEXT: 1 error generated.
