// Ordinary C++ that the optimiser turns into IR SPIRV-LLVM-Translator 15
// cannot take: `freeze` (exit 15), i3/i4 switches (exit 10, InvalidBitWidth)
// and a phi naming a switch block twice (rejected by spirv-val). The device
// pipeline legalises each at every optimisation level; the SPIR-V is valid
// and the spir and PTX images, read back from it, build too. With -g, a
// struct copied in by memcpy and returned left a DebugDeclare of no
// variable, which spirv-val rejects.
// RUN: rm -rf %t && mkdir -p %t
// RUN: dpexc %s -g -O2 -o %t/g --emit=spirv,stub
// RUN: spirv-val %t/g.spv
// RUN: dpexc %s -O1 -o %t/o1 --emit=spirv,stub
// RUN: dpexc %s -O2 -o %t/o2 --emit=spirv,stub,llvm
// RUN: dpexc %s -O3 -o %t/o3 --emit=spirv,stub
// RUN: spirv-val %t/o1.spv
// RUN: spirv-val %t/o2.spv
// RUN: spirv-val %t/o3.spv
// RUN: FileCheck %s < %t/o2.ll
// RUN: FileCheck --check-prefix=LEGAL %s < %t/o2.ll
// LEGAL-NOT: freeze
// LEGAL-NOT: {{[ (<[]i([2-7]|9|1[0-57-9]|2[0-9]|3[013-9]|[45][0-9]|6[0-35-9])[^0-9]}}
// CHECK: define spir_kernel void @{{.*}}div_rem
// CHECK: sdiv i32 %[[X:.*]], 7
// CHECK: define spir_kernel void @{{.*}}low_bits
// CHECK: switch i8
// CHECK: define spir_kernel void @{{.*}}bit_field_enum
// CHECK: switch i8
#include <dpex/kernel.hpp>

DPEX_KERNEL void div_rem(dpex::item<1> it, const int *a, int *out) {
  size_t i = it.get_id(0);
  int x = a[i];
  out[i] = x / 7 + x % 7;
}

DPEX_KERNEL void low_bits(dpex::item<1> it, const int *a, int *out) {
  size_t i = it.get_id(0);
  int r;
  switch (a[i] & 7) {
  case 0:
    r = 11;
    break;
  case 1:
    r = 4;
    break;
  case 2:
    r = 90;
    break;
  case 5:
    r = 7;
    break;
  default:
    r = 1;
  }
  out[i] = r;
}

enum class Op : unsigned char { Add, Sub, Mul, Xor, Or, And, Shl, Min, Max };
struct Insn {
  Op op : 4;
  unsigned char reg : 4;
};

static Insn decode(const unsigned char *byte) {
  Insn in;
  __builtin_memcpy(&in, byte, sizeof in);
  return in;
}

DPEX_KERNEL void bit_field_enum(dpex::item<1> it, const unsigned char *code,
                                int *out) {
  size_t i = it.get_id(0);
  Insn in = decode(&code[i]);
  int x = out[i], y = (int)i;
  switch (in.op) {
  case Op::Add:
    x += y;
    break;
  case Op::Sub:
    x -= y;
    break;
  case Op::Mul:
    x *= y;
    break;
  case Op::Xor:
    x ^= y;
    break;
  case Op::Or:
    x |= y;
    break;
  case Op::And:
    x &= y;
    break;
  case Op::Shl:
    x <<= (y & 7);
    break;
  case Op::Min:
    x = x < y ? x : y;
    break;
  case Op::Max:
    x = x > y ? x : y;
    break;
  }
  out[i] = x + in.reg;
}

DPEX_KERNEL void or_chain(dpex::item<1> it, const int *a, int *out) {
  size_t i = it.get_id(0);
  int s = a[i];
  out[i] = (s == 5 || s == 9 || s == 12) ? 1 : 0;
  out[i] += (s == 5 || s == 9) ? 3 : s;
}
