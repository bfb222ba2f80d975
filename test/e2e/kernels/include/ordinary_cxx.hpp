// Ordinary C++ that the optimiser turns into IR SPIRV-LLVM-Translator 15
// cannot take as it stands (freeze, odd-width integers, phis with repeated
// predecessors, allocas outside the entry block). Shared by the kernels of
// ordinary_cxx_kernels.cpp and the host, which computes the reference with
// the same functions.
#pragma once

namespace e2e::ordinary {

// Quotient and remainder of the same operands: the optimiser computes the
// remainder from the quotient of a `freeze`d operand.
inline int divRem(int x) { return x / 7 + x % 7; }

// A 2-D index from a linear one, as a stencil does.
inline int gridCell(int idx, int w, int h, const float *in, float *out) {
  int x = idx % w, y = idx / w;
  out[idx] = in[(y < h ? y : h - 1) * w + x];
  return y;
}

// A switch on the low three bits: narrowed to an i3 switch.
inline int lowBits(int v) {
  switch (v & 7) {
  case 0:
    return 11;
  case 1:
    return 4;
  case 2:
    return 90;
  case 3:
    return -3;
  case 5:
    return 7;
  default:
    return 1;
  }
}

// A switch on the low seven bits with sparse cases.
inline int lowSevenBits(int v) {
  switch (v & 127) {
  case 3:
    return 30;
  case 17:
    return -170;
  case 64:
    return 640;
  case 100:
    return 1;
  case 126:
    return 12;
  default:
    return v >> 3;
  }
}

// Switches that become lookup tables: a set of small values (a bitmap) and
// a byte table over the low four bits (an i4 switch, even at -O0).
inline int switchTables(int v) {
  bool inSet;
  switch (v) {
  case 1:
  case 2:
  case 4:
  case 7:
  case 8:
  case 11:
  case 13:
    inSet = true;
    break;
  default:
    inSet = false;
  }
  unsigned char c;
  switch (v & 15) {
  case 0:
    c = 3;
    break;
  case 1:
    c = 5;
    break;
  case 2:
    c = 1;
    break;
  case 3:
    c = 9;
    break;
  case 4:
    c = 0;
    break;
  case 5:
    c = 2;
    break;
  default:
    c = 7;
  }
  return inSet * 100 + c;
}

// A bit-field enum: the switch is on its four bits.
enum class Op : unsigned char { Add, Sub, Mul, Xor, Or, And, Shl, Min, Max };
struct Insn {
  Op op : 4;
  unsigned char reg : 4;
};

// One instruction per byte, as a byte-code buffer holds them.
inline Insn decode(const unsigned char *byte) {
  Insn in;
  __builtin_memcpy(&in, byte, sizeof in);
  return in;
}

inline int execute(Insn in, int x, int y) {
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
  return x + in.reg;
}

// Comparison chains the optimiser turns into switches with two cases into
// one block that has phis.
inline int orChainSelect(int s) { return (s == 5 || s == 9) ? 3 : s; }
inline int orChainBool(int s) { return (s == 5 || s == 9 || s == 12) ? 1 : 0; }

// A local array in a function called in a loop (Csmith style).
inline int localArraySum(int n) {
  int t[8];
  for (int j = 0; j < 8; ++j)
    t[j] = n * j - 3;
  int s = 0;
  for (int j = 0; j < (n & 7); ++j)
    s += t[(j * 5) & 7];
  return s;
}

inline int localArrayLoop(int n) {
  int s = 0;
  for (int k = 0; k < (n & 15); ++k)
    s += localArraySum(k + n);
  return s;
}

// Three bytes moved as one value.
struct Rgb {
  unsigned char r, g, b;
};
inline void rotate(const unsigned char *in, unsigned char *out) {
  Rgb p;
  __builtin_memcpy(&p, in, sizeof p);
  Rgb q{p.b, p.r, p.g};
  __builtin_memcpy(out, &q, sizeof q);
}

} // namespace e2e::ordinary
