// Problems in a system header are reported once per call in user code that
// reaches them: lib::entry() throws and allocates five calls down, which is
// one error at each of its three calls. Of the calls inside the header the
// first and the last are shown; the chain goes on through user functions to
// the kernel.
// RUN: not dpexc %s -I %inputs/include -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -I %inputs/include -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

#include <system_library.h>

DPEX_DEVICE_FUNC float checked(float v) { return lib::entry(v); }

DPEX_KERNEL void k1(dpex::item<1> it, float *x) {
  x[it.get_id(0)] = checked(x[0]);
}

// CHECK: In file included from {{.*}}library_call_chain.cpp:10:
// CHECK-NEXT: {{.*}}system_library.h:8:5: error: exceptions are not supported in device code: 'throw' is not allowed
// CHECK-NEXT: {{^}}    throw v;{{$}}
// CHECK-NEXT: {{^}}    ^{{$}}
// CHECK-NEXT: {{.*}}system_library.h:12:39: note: called from 'lib::level4' here
// CHECK-NEXT: {{^}}inline float level4(float v) { return check(v); }{{$}}
// CHECK-NEXT: {{^}}                                      ^{{$}}
// CHECK-NEXT: note: (3 calls inside system headers not shown)
// CHECK-NEXT: {{.*}}system_library.h:16:38: note: called from 'lib::entry' here
// CHECK-NEXT: {{^}}inline float entry(float v) { return level1(v); }{{$}}
// CHECK-NEXT: {{^}}                                     ^{{$}}
// CHECK-NEXT: {{.*}}library_call_chain.cpp:[[@LINE+6]]:21: note: called from kernel 'k2' here
// CHECK-NEXT: {{^}}  x[it.get_id(0)] = lib::entry(x[1]) + lib::entry(x[2]);{{$}}
// CHECK-NEXT: {{^}}                    ^{{$}}
// CHECK: {{.*}}system_library.h:8:5: error: exceptions are not supported in device code: 'throw' is not allowed
// CHECK: {{.*}}library_call_chain.cpp:[[@LINE+2]]:40: note: called from kernel 'k2' here
DPEX_KERNEL void k2(dpex::item<1> it, float *x) {
  x[it.get_id(0)] = lib::entry(x[1]) + lib::entry(x[2]);
}

// CHECK: {{.*}}system_library.h:8:5: error: exceptions are not supported in device code: 'throw' is not allowed
// CHECK: note: (3 calls inside system headers not shown)
// CHECK: {{.*}}system_library.h:16:38: note: called from 'lib::entry' here
// CHECK: {{.*}}library_call_chain.cpp:12:50: note: called from 'checked' here
// CHECK-NEXT: {{^}}DPEX_DEVICE_FUNC float checked(float v) { return lib::entry(v); }{{$}}
// CHECK-NEXT: {{^}}                                                 ^{{$}}
// CHECK-NEXT: {{.*}}library_call_chain.cpp:15:21: note: called from kernel 'k1' here
// CHECK-NEXT: {{^}}  x[it.get_id(0)] = checked(x[0]);{{$}}
// CHECK-NEXT: {{^}}                    ^{{$}}
// CHECK-NEXT: 3 errors generated.
