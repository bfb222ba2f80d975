// 128-bit integers in device code: a variable, a cast, a struct member and
// a kernel parameter, each named with its type.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

struct Wide {
  __int128 v;
};

// CHECK: {{.*}}int128.cpp:[[@LINE+3]]:71: error: parameter 3 'q' of kernel 'param' has type '__int128': 128-bit integers are not supported on the device
// CHECK-NEXT: {{^}}DPEX_KERNEL void param(dpex::item<1> it, unsigned long *out, __int128 q) {{{$}}
// CHECK-NEXT: {{^}}                                                                      ^{{$}}
DPEX_KERNEL void param(dpex::item<1> it, unsigned long *out, __int128 q) {
  out[it.get_id(0)] = 0;
}

DPEX_KERNEL void k(dpex::item<1> it, unsigned long *out, unsigned long a,
                   unsigned long b) {
  // CHECK: {{.*}}int128.cpp:[[@LINE+6]]:21: error: 'p' has type 'unsigned __int128': 128-bit integers are not supported in device code
  // CHECK-NEXT: {{^}}  unsigned __int128 p = (unsigned __int128)a * b;{{$}}
  // CHECK-NEXT: {{^}}                    ^{{$}}
  // CHECK-NEXT: {{.*}}int128.cpp:[[@LINE+3]]:25: error: cast has type 'unsigned __int128': 128-bit integers are not supported in device code
  // CHECK-NEXT: {{^}}  unsigned __int128 p = (unsigned __int128)a * b;{{$}}
  // CHECK-NEXT: {{^}}                        ^{{$}}
  unsigned __int128 p = (unsigned __int128)a * b;
  Wide w{};
  // CHECK-NEXT: {{.*}}int128.cpp:[[@LINE+3]]:41: error: member 'v' has type '__int128': 128-bit integers are not supported in device code
  // CHECK-NEXT: {{^}}  out[it.get_id(0)] = (unsigned long)(w.v + (p >> 64));{{$}}
  // CHECK-NEXT: {{^}}                                        ^{{$}}
  out[it.get_id(0)] = (unsigned long)(w.v + (p >> 64));
}
// CHECK-NEXT: 4 errors generated.
