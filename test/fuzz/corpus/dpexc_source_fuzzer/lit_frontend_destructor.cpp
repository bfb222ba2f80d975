// Destructors run without a call in the source; they are device code all
// the same. A destructor that writes a mutable global is rejected, and so is
// a local whose destructor has no definition.
// RUN: not dpexc %s -o %t 2> %t.err
// RUN: FileCheck --strict-whitespace %s < %t.err
// RUN: FileCheck --strict-whitespace --check-prefix=GUARD %s < %t.err
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
#include <dpex/kernel.hpp>

int released;

struct Guard {
  float *p;
  // GUARD: {{.*}}destructor.cpp:[[@LINE+3]]:14: error: use of mutable global variable 'released' is not allowed in device code
  // GUARD-NEXT: {{^}}  ~Guard() { released++; }{{$}}
  // GUARD-NEXT: {{^}}             ^{{$}}
  ~Guard() { released++; }
};

// Reached through the implicit destructor of Holder.
struct Holder {
  Guard g;
};

struct Closer {
  ~Closer();
};

DPEX_KERNEL void k(dpex::item<1> it, float *x) {
  Holder h{{x}};
  // CHECK: {{.*}}destructor.cpp:[[@LINE+3]]:10: error: call to 'Closer::~Closer', which has no definition visible to device code
  // CHECK-NEXT: {{^}}  Closer c;{{$}}
  // CHECK-NEXT: {{^}}         ^{{$}}
  Closer c;
  x[it.get_id(0)] = 1.0f;
}
// CHECK-NEXT: {{.*}}destructor.cpp:26:3: note: 'Closer::~Closer' declared here
// CHECK: 2 errors generated.
