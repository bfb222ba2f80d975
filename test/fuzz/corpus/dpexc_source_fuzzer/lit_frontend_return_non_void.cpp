// A kernel must return void; the caret is on the return type.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

// CHECK: {{.*}}return_non_void.cpp:[[@LINE+3]]:13: error: kernel 'bad' must return 'void'
// CHECK-NEXT: {{^}}DPEX_KERNEL int bad(dpex::item<1> it, int *x) { return x[it.get_id(0)]; }{{$}}
// CHECK-NEXT: {{^}}            ^{{$}}
DPEX_KERNEL int bad(dpex::item<1> it, int *x) { return x[it.get_id(0)]; }
// CHECK-NEXT: 1 error generated.
