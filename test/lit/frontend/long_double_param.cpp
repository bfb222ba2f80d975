// 'long double' crossing into a kernel: the device compiles it as an 8-byte
// double, the x86-64 host stores 16 bytes of the 80-bit format, so a value,
// a pointer's data or a member of a struct passed by value would be read
// wrongly. Each is rejected at the parameter.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

namespace ld {
struct Inner {
  long double w;
};
struct Outer {
  int a;
  Inner in;
};

// CHECK: {{.*}}long_double_param.cpp:[[@LINE+9]]:50: error: parameter 2 's' of kernel 'ld::k' has type 'long double': 'long double' is a 64-bit double on the device (8 bytes) but 16 bytes of another format on the host; use 'double'
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, long double s, Outer o, long double *p,{{$}}
// CHECK-NEXT: {{^}}                                                 ^{{$}}
// CHECK-NEXT: {{.*}}long_double_param.cpp:[[@LINE+6]]:59: error: parameter 3 'o' of kernel 'ld::k' has type 'ld::Outer': in its member 'in.w', 'long double' is a 64-bit double on the device (8 bytes) but 16 bytes of another format on the host; use 'double'
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, long double s, Outer o, long double *p,{{$}}
// CHECK-NEXT: {{^}}                                                          ^{{$}}
// CHECK-NEXT: {{.*}}long_double_param.cpp:[[@LINE+3]]:75: error: parameter 4 'p' of kernel 'ld::k' has type 'long double *': 'long double' is a 64-bit double on the device (8 bytes) but 16 bytes of another format on the host; use 'double'
// CHECK-NEXT: {{^}}DPEX_KERNEL void k(dpex::item<1> it, long double s, Outer o, long double *p,{{$}}
// CHECK-NEXT: {{^}}                                                                          ^{{$}}
DPEX_KERNEL void k(dpex::item<1> it, long double s, Outer o, long double *p,
                   double *out) {
  out[it.get_id(0)] = (double)(s + o.in.w + p[0]);
}
} // namespace ld
// CHECK-NEXT: 3 errors generated.
