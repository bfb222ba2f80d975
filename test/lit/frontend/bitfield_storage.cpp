// Bit-fields whose adjacent run Clang stores in an integer SPIR-V lacks (17
// to 24, 33 to 56 bits, over 64): a kernel parameter holding one, and an access in
// device code, once per struct, each with how to pad the run. Runs of 8,
// 16, 32 and 64 bits (here padded by an unnamed bit-field) compile.
// RUN: not dpexc %s -o %t 2>&1 | FileCheck --strict-whitespace %s
// RUN: sh -c 'dpexc %s -o %t >/dev/null 2>&1; test $? -eq 1'
// RUN: dpexc -DPADDED %s -o %t-padded
#include <dpex/kernel.hpp>

struct Flags {
  unsigned mode : 3;
  unsigned level : 5;
  int offset : 12;
#ifdef PADDED
  int : 12;
#endif
};

struct Wide {
  unsigned long long low : 30;
  unsigned long long high : 10;
  int plain;
};

#ifndef PADDED
// CHECK: {{.*}}bitfield_storage.cpp:[[@LINE+3]]:48: error: parameter 2 'f' of kernel 'param' has type 'Flags': in its member 'mode', a bit-field stored with its adjacent bit-fields in a 24-bit integer, which SPIR-V devices do not support; pad the run of bit-fields to 32 bits (an unnamed bit-field of 12 bits after it)
// CHECK-NEXT: {{^}}DPEX_KERNEL void param(dpex::item<1> it, Flags f, int *out) {{{$}}
// CHECK-NEXT: {{^}}                                               ^{{$}}
DPEX_KERNEL void param(dpex::item<1> it, Flags f, int *out) {
  out[it.get_id(0)] = 0;
}

DPEX_KERNEL void access(dpex::item<1> it, const unsigned long long *in,
                        int *out) {
  Wide w{};
  w.plain = 1;
  // CHECK: {{.*}}bitfield_storage.cpp:[[@LINE+3]]:5: error: bit-field 'low' of 'Wide' is stored with its adjacent bit-fields in a 40-bit integer, which SPIR-V devices do not support; pad the run of bit-fields to 64 bits (an unnamed bit-field of 24 bits after it)
  // CHECK-NEXT: {{^}}  w.low = in[it.get_id(0)];{{$}}
  // CHECK-NEXT: {{^}}    ^{{$}}
  w.low = in[it.get_id(0)];
  w.high = 3;
  out[it.get_id(0)] = int(w.low + w.high) + w.plain;
}

// Packed, so b follows a without a gap: one run of 80 bits.
struct __attribute__((packed)) Huge {
  unsigned long long a : 40;
  unsigned long long b : 40;
};

DPEX_KERNEL void split(dpex::item<1> it, int *out) {
  Huge h{};
  // CHECK: {{.*}}bitfield_storage.cpp:[[@LINE+1]]:5: error: bit-field 'b' of 'Huge' is stored with its adjacent bit-fields in a 80-bit integer, which SPIR-V devices do not support; split the run (a bit-field ': 0' ends one)
  h.b = 1;
  out[it.get_id(0)] = int(h.b);
}
// CHECK-NOT: error:
#else
DPEX_KERNEL void padded(dpex::item<1> it, const int *in, int *out) {
  Flags g{};
  g.mode = in[0];
  g.level = in[1];
  g.offset = in[it.get_id(0)];
  g.offset -= 1;
  out[it.get_id(0)] = g.mode + g.level * 10 + g.offset * 1000;
}
#endif
