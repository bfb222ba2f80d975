#!/usr/bin/env python3
"""Random dpex kernel programs for differential testing.

One seed gives one C++ source with K kernels. The source is well defined C++
(no undefined or unspecified behaviour a compiler may exploit): signed
arithmetic wraps through unsigned types, shift amounts are masked, divisions
are guarded, float-to-integer conversions are range checked, local array
indices are masked. Every kernel has the signature

    void kN(dpex::item<1> it, const uint64_t *in, uint64_t *out)

reads IN_WORDS words of `in` per work-item (and one word of its neighbour's)
and writes OUT_WORDS words of `out`. The same text is compiled by dpexc for
the devices and by the host compiler with test/diff/host on the include path
and DIFF_HOST_REF defined, which adds `run_ref`, the host reference.

Each output word has a kind, listed in the program's manifest line:
  i  integer bits, compared exactly
  F  float bits from exact IEEE operations, compared exactly (NaNs equal)
  D  the same for double
  f  float from a device math function (dpex::sin, ...), compared with a
     relative tolerance (the OpenCL built-ins are not correctly rounded)
  d  the same for double
Floating-point values from math functions only ever reach an output
directly, never a branch, a conversion or further arithmetic, so their
device error cannot change anything else.

Features (--features, comma-separated, 'all' or 'default' as a base,
'-name' removes one) select the constructs; see FEATURES below.
"""
import argparse
import random
import sys

IN_WORDS = 8
OUT_WORDS = 8

# name: (C type, bits, signed)
INT_TYPES = {
    'i8': ('int8_t', 8, True), 'u8': ('uint8_t', 8, False),
    'i16': ('int16_t', 16, True), 'u16': ('uint16_t', 16, False),
    'i32': ('int32_t', 32, True), 'u32': ('uint32_t', 32, False),
    'i64': ('int64_t', 64, True), 'u64': ('uint64_t', 64, False),
}
FLOAT_TYPES = {'f32': 'float', 'f64': 'double'}

FEATURES = {
    'arith': 'wrapping + - *, bitwise operations, negation',
    'shift': 'shifts with masked amounts',
    'divmod': 'guarded x / w and x % w pairs',
    'minmax': 'std::min / std::max',
    'ternary': 'conditional expressions',
    'if': 'if / else statements',
    'switch': 'switch on v & 7 with fallthrough',
    'enum': 'switch on a small enum class',
    'loop': 'for loops with constant bounds',
    'dynloop': 'for loops with data-dependent bounds (at most 15 trips)',
    'array': 'local arrays, constant and masked indices',
    'struct': 'small structs with member functions',
    'helper': 'helper functions called from the kernels',
    'float': 'float arithmetic (+ - * /, fabs floor ceil trunc fma)',
    'double': 'double arithmetic (as float)',
    'math': 'dpex::sin/cos/exp/log/sqrt/tanh into outputs (tolerance)',
    'cmath': 'math through std:: <cmath> names rather than dpex::',
    'libm': 'more <cmath> functions (cbrt exp2 erf pow atan2 ... fmod round'
            ' copysign), libm calls dpexc lowers itself (with cmath)',
    'convert': 'conversions between integer widths and float <-> int',
    'neighbour': "reads of the neighbouring work-item's input",
}
# Features the current compiler cannot pass yet, left out of 'default' (the
# ctest entries' set) until fixed; campaigns use 'all' (docs/reliability.md).
# None at present.
DEFAULT_OFF = set()


def parse_features(spec):
    feats = set()
    for part in spec.split(','):
        part = part.strip()
        if not part:
            continue
        if part == 'all':
            feats |= set(FEATURES)
        elif part == 'default':
            feats |= set(FEATURES) - DEFAULT_OFF
        elif part.startswith('-'):
            if part[1:] not in FEATURES:
                sys.exit('gen_kernels.py: unknown feature ' + part[1:])
            feats.discard(part[1:])
        else:
            if part not in FEATURES:
                sys.exit('gen_kernels.py: unknown feature ' + part)
            feats.add(part)
    return feats


PRELUDE = r'''#include <dpex/kernel.hpp>

#include <algorithm>

// Strict IEEE arithmetic: no contraction into fused multiply-adds, which
// the host reference would not do.
#ifdef __clang__
#pragma clang fp contract(off)
#endif

namespace DIFF_NS {

// Guarded division: a divisor of 0, or MIN / -1, gives the dividend.
#define DIFF_DIV(T, MIN)                                                      \
  static inline T div_##T(T a, T b) {                                          \
    return (b == 0 || (a == (T)(MIN) && b == (T)-1)) ? a : (T)(a / b);         \
  }                                                                            \
  static inline T rem_##T(T a, T b) {                                          \
    return (b == 0 || (a == (T)(MIN) && b == (T)-1)) ? (T)0 : (T)(a % b);      \
  }
DIFF_DIV(int8_t, -128)
DIFF_DIV(int16_t, -32768)
DIFF_DIV(int32_t, INT32_MIN)
DIFF_DIV(int64_t, INT64_MIN)
DIFF_DIV(uint8_t, 0)
DIFF_DIV(uint16_t, 0)
DIFF_DIV(uint32_t, 0)
DIFF_DIV(uint64_t, 0)
#undef DIFF_DIV

// Float to integer, 0 where the conversion would be undefined.
static inline int64_t f2i(double x) {
  return (x > -9.0e18 && x < 9.0e18) ? (int64_t)x : 0;
}
static inline uint64_t bits_f(float x) {
  return (uint64_t)__builtin_bit_cast(uint32_t, x);
}
static inline uint64_t bits_d(double x) {
  return __builtin_bit_cast(uint64_t, x);
}

enum class Mode : uint8_t { Add, Xor, Mul, Keep };
'''


class Var:
    def __init__(self, name, ty):
        self.name = name
        self.ty = ty


class Gen:
    def __init__(self, seed, feats, nkernels):
        self.r = random.Random(seed)
        self.f = feats
        self.nk = nkernels
        self.out = []
        self.helpers = []  # (name, ret type, [param types])
        self.structs = []  # (name, [(field, ty)], methods)
        self.tmp = 0

    # -- small utilities ------------------------------------------------
    def has(self, feat):
        return feat in self.f

    def chance(self, p):
        return self.r.random() < p

    def int_types(self):
        return list(INT_TYPES)

    def value_types(self):
        ts = list(INT_TYPES)
        if self.has('float'):
            ts.append('f32')
        if self.has('double'):
            ts.append('f64')
        return ts

    def cty(self, ty):
        if ty in INT_TYPES:
            return INT_TYPES[ty][0]
        if ty == 'bool':
            return 'bool'
        return FLOAT_TYPES[ty]

    def fresh(self, prefix):
        self.tmp += 1
        return '%s%d' % (prefix, self.tmp)

    def const(self, ty):
        if ty in INT_TYPES:
            c, bits, signed = INT_TYPES[ty]
            pick = self.r.random()
            if pick < 0.3:
                v = self.r.randint(0, 9)
            elif pick < 0.5:
                v = self.r.choice([(1 << (bits - 1)) - 1, 1 << (bits - 1),
                                   (1 << bits) - 1, 1 << (bits // 2)])
            else:
                v = self.r.getrandbits(bits)
            if signed and v >= 1 << (bits - 1):
                v -= 1 << bits
            if signed and v < 0:
                # -MIN is not a literal of the type: spell it as a cast.
                return '(%s)(%dLL - 1)' % (c, v + 1) if bits == 64 else \
                    '(%s)(%d)' % (c, v)
            return '(%s)%dULL' % (c, v)
        if ty == 'f32':
            return self.r.choice(['0.0f', '1.0f', '-2.5f', '0.375f', '3.0f',
                                  '1024.0f', '-0.0f', '1.0e-3f', '7.0e5f'])
        return self.r.choice(['0.0', '1.0', '-2.5', '0.375', '3.0', '1.0e9',
                              '-0.0', '1.0e-7', '6.25e-2'])

    # -- expressions ----------------------------------------------------
    def leaf(self, ty, env):
        cands = [v for v in env if v.ty == ty]
        if cands and self.chance(0.8):
            return self.r.choice(cands).name
        if self.has('convert') and self.chance(0.5):
            others = [v for v in env if v.ty in INT_TYPES or
                      (ty in INT_TYPES and v.ty in FLOAT_TYPES) or
                      (ty in FLOAT_TYPES and v.ty in FLOAT_TYPES)]
            if others:
                v = self.r.choice(others)
                return self.convert(v.name, v.ty, ty)
        return self.const(ty)

    def convert(self, e, src, dst):
        if src in FLOAT_TYPES and dst in INT_TYPES:
            return '(%s)f2i(%s)' % (self.cty(dst), e)
        return '(%s)(%s)' % (self.cty(dst), e)

    def wrap_bin(self, op, ty, a, b):
        c, bits, signed = INT_TYPES[ty]
        u = 'uint%d_t' % bits
        w = 'uint32_t' if bits <= 32 else 'uint64_t'
        return '(%s)(%s)((%s)(%s)(%s) %s (%s)(%s)(%s))' % (
            c, u, w, u, a, op, w, u, b)

    def cond(self, env, depth):
        ts = self.value_types()
        ty = self.r.choice(ts)
        a = self.expr(ty, env, depth + 1)
        b = self.expr(ty, env, depth + 1)
        if a == b:
            b = self.const(ty)
        op = self.r.choice(['<', '<=', '==', '!=', '>', '>='])
        e = '(%s) %s (%s)' % (a, op, b)
        if self.chance(0.2):
            e = '(%s) %s (%s)' % (e, self.r.choice(['&&', '||']),
                                  self.cond(env, depth + 2))
        return e

    def expr(self, ty, env, depth=0):
        if depth >= 3 or self.chance(0.3):
            return self.leaf(ty, env)
        if ty in INT_TYPES:
            return self.int_expr(ty, env, depth)
        return self.float_expr(ty, env, depth)

    def int_expr(self, ty, env, depth):
        c, bits, signed = INT_TYPES[ty]
        u = 'uint%d_t' % bits
        w = 'uint32_t' if bits <= 32 else 'uint64_t'
        kinds = []
        if self.has('arith'):
            kinds += ['bin'] * 4 + ['bit'] * 2 + ['neg', 'not']
        if self.has('shift'):
            kinds += ['shl', 'shr']
        if self.has('divmod'):
            kinds += ['div']
        if self.has('minmax'):
            kinds += ['minmax']
        if self.has('ternary'):
            kinds += ['tern']
        if self.has('helper') and self.helpers:
            kinds += ['call']
        if self.has('array') and any(v.ty.startswith('arr:') for v in env):
            kinds += ['arr']
        if not kinds:
            return self.leaf(ty, env)
        k = self.r.choice(kinds)
        sub = lambda: self.expr(ty, env, depth + 1)
        if k == 'bin':
            return self.wrap_bin(self.r.choice(['+', '-', '*']), ty, sub(), sub())
        if k == 'bit':
            return '(%s)((%s) %s (%s))' % (c, sub(), self.r.choice('&|^'), sub())
        if k == 'neg':
            return '(%s)(%s)(0u - (%s)(%s)(%s))' % (c, u, w, u, sub())
        if k == 'not':
            return '(%s)(%s)~(%s)(%s)(%s)' % (c, u, w, u, sub())
        if k == 'shl':
            return '(%s)(%s)((%s)(%s)(%s) << ((uint32_t)(%s) & %du))' % (
                c, u, w, u, sub(), self.expr('u32', env, depth + 1), bits - 1)
        if k == 'shr':
            return '(%s)((%s) >> ((uint32_t)(%s) & %du))' % (
                c, sub(), self.expr('u32', env, depth + 1), bits - 1)
        if k == 'div':
            return '%s_%s(%s, %s)' % (self.r.choice(['div', 'rem']), c, sub(), sub())
        if k == 'minmax':
            return 'std::%s<%s>(%s, %s)' % (self.r.choice(['min', 'max']), c,
                                           sub(), sub())
        if k == 'tern':
            return '((%s) ? (%s) : (%s))' % (self.cond(env, depth + 1), sub(), sub())
        if k == 'call':
            name, rty, ptys = self.r.choice(self.helpers)
            args = ', '.join(self.expr(p, env, depth + 1) for p in ptys)
            return self.convert('%s(%s)' % (name, args), rty, ty) \
                if rty != ty else '%s(%s)' % (name, args)
        if k == 'arr':
            arr = self.r.choice([v for v in env if v.ty.startswith('arr:')])
            ety = arr.ty[4:]
            idx = '%s[(uint32_t)(%s) & 7u]' % (arr.name, self.expr('u32', env, depth + 1))
            return idx if ety == ty else self.convert(idx, ety, ty)
        raise AssertionError(k)

    def float_expr(self, ty, env, depth):
        c = self.cty(ty)
        kinds = ['bin'] * 4 + ['fn']
        if self.has('minmax'):
            kinds.append('minmax')
        if self.has('ternary'):
            kinds.append('tern')
        if self.has('convert'):
            kinds.append('fromint')
        k = self.r.choice(kinds)
        sub = lambda: self.expr(ty, env, depth + 1)
        if k == 'bin':
            return '(%s)((%s) %s (%s))' % (c, sub(), self.r.choice('+-*/'), sub())
        if k == 'fn':
            ns = 'std' if self.has('cmath') else 'dpex'
            fns = ['fabs', 'floor', 'ceil', 'trunc', 'fma']
            if self.has('cmath') and self.has('libm'):
                fns += ['round', 'fmod', 'copysign']  # exact, as the others
            fn = self.r.choice(fns)
            if fn == 'fma':
                return '%s::fma(%s, %s, %s)' % (ns, sub(), sub(), sub())
            if fn in ('fmod', 'copysign'):
                return '%s::%s(%s, %s)' % (ns, fn, sub(), sub())
            return '%s::%s(%s)' % (ns, fn, sub())
        if k == 'minmax':
            return 'std::%s<%s>(%s, %s)' % (self.r.choice(['min', 'max']), c,
                                           sub(), sub())
        if k == 'tern':
            return '((%s) ? (%s) : (%s))' % (self.cond(env, depth + 1), sub(), sub())
        if k == 'fromint':
            ity = self.r.choice(self.int_types())
            return '(%s)(%s)' % (c, self.expr(ity, env, depth + 1))
        raise AssertionError(k)

    # -- statements -----------------------------------------------------
    def scalars(self, env):
        return [v for v in env if v.ty in INT_TYPES or v.ty in FLOAT_TYPES]

    def assign(self, env, ind, lines):
        targets = [v for v in self.scalars(env) if not v.name.startswith('j')]
        v = self.r.choice(targets)
        lines.append('%s%s = %s;' % (ind, v.name, self.expr(v.ty, env)))

    def stmts(self, env, depth, ind, lines, count):
        for _ in range(count):
            self.stmt(env, depth, ind, lines)

    def stmt(self, env, depth, ind, lines):
        kinds = ['assign'] * 4
        if depth < 3:
            if self.has('if'):
                kinds += ['if'] * 2
            if self.has('switch'):
                kinds.append('switch')
            if self.has('enum'):
                kinds.append('enum')
            if self.has('loop'):
                kinds.append('loop')
            if self.has('dynloop'):
                kinds.append('dynloop')
        if self.has('divmod'):
            kinds.append('divpair')
        if self.has('array') and any(v.ty.startswith('arr:') for v in env):
            kinds.append('arrstore')
        if self.has('struct') and any(v.ty.startswith('struct:') for v in env):
            kinds.append('method')
        k = self.r.choice(kinds)
        n = lambda: self.r.randint(1, 3)
        if k == 'assign':
            self.assign(env, ind, lines)
        elif k == 'if':
            lines.append('%sif (%s) {' % (ind, self.cond(env, 1)))
            self.stmts(env, depth + 1, ind + '  ', lines, n())
            if self.chance(0.5):
                lines.append('%s} else {' % ind)
                self.stmts(env, depth + 1, ind + '  ', lines, n())
            lines.append('%s}' % ind)
        elif k == 'switch':
            lines.append('%sswitch ((uint32_t)(%s) & 7u) {' % (ind, self.expr('u32', env, 2)))
            cases = sorted(self.r.sample(range(8), self.r.randint(1, 5)))
            for cv in cases:
                lines.append('%scase %d:' % (ind, cv))
                self.stmts(env, depth + 1, ind + '  ', lines, n())
                if self.chance(0.8):
                    lines.append('%s  break;' % ind)
                else:
                    lines.append('%s  [[fallthrough]];' % ind)
            lines.append('%sdefault:' % ind)
            self.stmts(env, depth + 1, ind + '  ', lines, 1)
            lines.append('%s  break;' % ind)
            lines.append('%s}' % ind)
        elif k == 'enum':
            lines.append('%sswitch ((Mode)((uint32_t)(%s) %% 4u)) {' % (
                ind, self.expr('u32', env, 2)))
            for m in ['Add', 'Xor', 'Mul']:
                lines.append('%scase Mode::%s:' % (ind, m))
                self.stmts(env, depth + 1, ind + '  ', lines, 1)
                lines.append('%s  break;' % ind)
            lines.append('%scase Mode::Keep:' % ind)
            lines.append('%s  break;' % ind)
            lines.append('%s}' % ind)
        elif k in ('loop', 'dynloop'):
            j = self.fresh('j')
            if k == 'loop':
                bound = str(self.r.randint(1, 6))
            else:
                bound = '((uint32_t)(%s) & 15u)' % self.expr('u32', env, 2)
            lines.append('%sfor (uint32_t %s = 0; %s < %s; ++%s) {' % (
                ind, j, j, bound, j))
            env2 = env + [Var(j, 'u32')]
            self.stmts(env2, depth + 1, ind + '  ', lines, n())
            lines.append('%s}' % ind)
        elif k == 'divpair':
            ints = [v for v in self.scalars(env) if v.ty in INT_TYPES
                    and not v.name.startswith('j')]
            q, rr = self.r.choice(ints), self.r.choice(ints)
            ty = q.ty
            c = self.cty(ty)
            x = self.expr(ty, env, 2)
            wv = self.expr(ty, env, 2)
            t1, t2 = self.fresh('x'), self.fresh('w')
            lines.append('%s{' % ind)
            lines.append('%s  %s %s = %s;' % (ind, c, t1, x))
            lines.append('%s  %s %s = %s;' % (ind, c, t2, wv))
            lines.append('%s  %s = div_%s(%s, %s);' % (ind, q.name, c, t1, t2))
            lines.append('%s  %s = %s;' % (ind, rr.name, self.convert(
                'rem_%s(%s, %s)' % (c, t1, t2), ty, rr.ty)))
            lines.append('%s}' % ind)
        elif k == 'arrstore':
            arr = self.r.choice([v for v in env if v.ty.startswith('arr:')])
            ety = arr.ty[4:]
            if self.chance(0.4):
                idx = str(self.r.randint(0, 7))
            else:
                idx = '(uint32_t)(%s) & 7u' % self.expr('u32', env, 2)
            lines.append('%s%s[%s] = %s;' % (ind, arr.name, idx, self.expr(ety, env, 1)))
        elif k == 'method':
            s = self.r.choice([v for v in env if v.ty.startswith('struct:')])
            sname = s.ty[7:]
            fields = [st for st in self.structs if st[0] == sname][0][1]
            fty = fields[0][1]
            if self.chance(0.5):
                lines.append('%s%s.update(%s);' % (ind, s.name, self.expr(fty, env, 1)))
            else:
                targets = [v for v in self.scalars(env) if v.ty == fty
                           and not v.name.startswith('j')]
                if targets:
                    lines.append('%s%s = %s.mix();' % (ind, self.r.choice(targets).name,
                                                      s.name))
                else:
                    lines.append('%s%s.update(%s.mix());' % (ind, s.name, s.name))
        else:
            raise AssertionError(k)

    # -- program --------------------------------------------------------
    def gen_helper(self, idx):
        rty = self.r.choice(self.int_types())
        ptys = [self.r.choice(self.int_types()) for _ in range(self.r.randint(1, 3))]
        name = 'helper%d' % idx
        env = [Var('a%d' % i, t) for i, t in enumerate(ptys)]
        params = ', '.join('%s a%d' % (self.cty(t), i) for i, t in enumerate(ptys))
        body = self.expr(rty, env, 1)
        self.out.append('static inline %s %s(%s) {' % (self.cty(rty), name, params))
        if self.has('if') and self.chance(0.5):
            self.out.append('  if (%s)' % self.cond(env, 2))
            self.out.append('    return %s;' % self.expr(rty, env, 2))
        self.out.append('  return %s;' % body)
        self.out.append('}')
        self.out.append('')
        self.helpers.append((name, rty, ptys))

    def gen_struct(self, idx):
        name = 'S%d' % idx
        fty = self.r.choice(self.int_types())
        oty = self.r.choice(self.value_types())
        fields = [('a', fty), ('b', oty), ('c', 'u16')]
        env = [Var('a', fty), Var('b', oty), Var('c', 'u16')]
        self.out.append('struct %s {' % name)
        for f, t in fields:
            self.out.append('  %s %s;' % (self.cty(t), f))
        self.out.append('  %s mix() const { return %s; }' % (
            self.cty(fty), self.expr(fty, env, 2)))
        envu = env + [Var('v', fty)]
        self.out.append('  void update(%s v) {' % self.cty(fty))
        self.out.append('    a = %s;' % self.expr(fty, envu, 2))
        self.out.append('    c = %s;' % self.expr('u16', envu, 2))
        self.out.append('  }')
        self.out.append('};')
        self.out.append('')
        self.structs.append((name, fields))

    def input_value(self, ty, word):
        src = 'w[%d]' % word
        if ty in INT_TYPES:
            shift = self.r.choice([0, 0, 8, 16, 32])
            return '(%s)(%s >> %d)' % (self.cty(ty), src, shift)
        # Exact, moderate values: a 20-bit integer scaled by a power of two.
        scale = self.r.choice(['0.125', '1.0', '0.0078125', '4.0'])
        c = self.cty(ty)
        return '(%s)((double)(int32_t)((%s >> %d) & 0xfffff) * %s - 1000.0)' % (
            c, src, self.r.randint(0, 40), scale)

    def gen_kernel(self, idx):
        kinds = []
        self.out.append('DPEX_KERNEL void k%d(dpex::item<1> it, const uint64_t *in,'
                        ' uint64_t *out) {' % idx)
        ind = '  '
        body = []
        body.append(ind + 'size_t i = it.get_id(0);')
        body.append(ind + 'const uint64_t *w = in + i * %d;' % IN_WORDS)
        body.append(ind + 'uint64_t *o = out + i * %d;' % OUT_WORDS)
        env = []
        nvars = self.r.randint(4, 7)
        tys = self.value_types()
        for vi in range(nvars):
            ty = self.r.choice(tys) if vi >= 2 else self.r.choice(self.int_types())
            name = 'v%d' % vi
            body.append('%s%s %s = %s;' % (ind, self.cty(ty), name,
                                           self.input_value(ty, vi % IN_WORDS)))
            env.append(Var(name, ty))
        if self.has('neighbour'):
            body.append(ind + 'uint64_t nb = in[((i + 1) %% it.get_range(0)) * %d + %d];'
                        % (IN_WORDS, self.r.randint(0, IN_WORDS - 1)))
            env.append(Var('nb', 'u64'))
        if self.has('array') and self.chance(0.7):
            ety = self.r.choice(tys)
            inits = ', '.join(self.expr(ety, env, 3) for _ in range(8))
            body.append('%s%s arr[8] = {%s};' % (ind, self.cty(ety), inits))
            env.append(Var('arr', 'arr:' + ety))
        if self.has('struct') and self.structs and self.chance(0.7):
            sname, fields = self.r.choice(self.structs)
            inits = ', '.join(self.expr(t, env, 3) for _, t in fields)
            body.append('%s%s s{%s};' % (ind, sname, inits))
            env.append(Var('s', 'struct:' + sname))
        self.tmp = 0
        self.stmts(env, 0, ind, body, self.r.randint(3, 8))
        scal = self.scalars(env)
        for k in range(OUT_WORDS):
            if self.has('math') and self.chance(0.15):
                fty = self.r.choice([t for t in ('f32', 'f64') if
                                     (t == 'f32' and self.has('float')) or
                                     (t == 'f64' and self.has('double'))] or ['f64'])
                c = self.cty(fty)
                ns = 'std' if self.has('cmath') else 'dpex'
                fns = ['sin', 'cos', 'exp', 'log', 'sqrt', 'tanh']
                if self.has('cmath') and self.has('libm'):
                    # Functions the kernel language does not name: libm
                    # calls that dpexc must lower itself.
                    fns += ['cbrt', 'exp2', 'expm1', 'log2', 'log10', 'log1p',
                            'atan', 'sinh', 'erf', 'pow', 'atan2', 'hypot']
                fn = self.r.choice(fns)
                arg = self.expr(fty, env, 2)
                if fn in ('log', 'sqrt', 'log2', 'log10', 'log1p', 'pow'):
                    arg = '%s::fabs(%s)' % (ns, arg)
                if fn in ('exp', 'exp2', 'expm1', 'sinh'):
                    arg = 'std::min<%s>(%s, (%s)60)' % (c, arg, c)
                if fn == 'pow':
                    args = '(%s)(%s), (%s)%s' % (c, arg, c, self.r.choice(
                        ['0.5', '3.0', '-1.5', '0.25']))
                elif fn in ('atan2', 'hypot'):
                    args = '(%s)(%s), (%s)(%s)' % (c, arg, c, self.expr(fty, env, 2))
                else:
                    args = '(%s)(%s)' % (c, arg)
                val = '%s::%s(%s)' % (ns, fn, args)
                body.append('%so[%d] = %s(%s);' % (ind, k, 'bits_f' if fty == 'f32'
                                                  else 'bits_d', val))
                kinds.append('f' if fty == 'f32' else 'd')
                continue
            v = self.r.choice(scal)
            if v.ty in INT_TYPES:
                body.append('%so[%d] = (uint64_t)(uint%d_t)%s;' % (
                    ind, k, INT_TYPES[v.ty][1], v.name))
                kinds.append('i')
            elif v.ty == 'f32':
                body.append('%so[%d] = bits_f(%s);' % (ind, k, v.name))
                kinds.append('F')
            else:
                body.append('%so[%d] = bits_d(%s);' % (ind, k, v.name))
                kinds.append('D')
        if self.has('struct') and any(v.name == 's' for v in env) and kinds[-1] == 'i':
            # The struct's state reaches the output too.
            body.append('%so[%d] ^= (uint64_t)s.c;' % (ind, OUT_WORDS - 1))
        self.out.extend(body)
        self.out.append('}')
        self.out.append('')
        return ''.join(kinds)

    def program(self, ns):
        self.out.append('// Generated by test/diff/gen_kernels.py: seed and features'
                        ' in the first line of its manifest.')
        self.out.append('#ifndef DIFF_NS')
        self.out.append('#define DIFF_NS %s' % ns)
        self.out.append('#endif')
        if self.has('cmath'):
            self.out.append('#include <cmath>')
        self.out.append(PRELUDE)
        if self.has('struct'):
            for si in range(self.r.randint(1, 2)):
                self.gen_struct(si)
        if self.has('helper'):
            for hi in range(self.r.randint(1, 3)):
                self.gen_helper(hi)
        kinds = [self.gen_kernel(k) for k in range(self.nk)]
        self.out.append('#ifdef DIFF_HOST_REF')
        self.out.append('// The host reference: every kernel over items 0..n-1.')
        self.out.append('void run_ref(int k, size_t n, const uint64_t *in, uint64_t *out) {')
        self.out.append('  for (size_t i = 0; i < n; ++i) {')
        self.out.append('    dpex::item<1> it(i, n);')
        self.out.append('    switch (k) {')
        for k in range(self.nk):
            self.out.append('    case %d: k%d(it, in, out); break;' % (k, k))
        self.out.append('    }')
        self.out.append('  }')
        self.out.append('}')
        self.out.append('#endif')
        self.out.append('')
        self.out.append('} // namespace DIFF_NS')
        return '\n'.join(self.out) + '\n', kinds


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--kernels', type=int, default=6)
    ap.add_argument('--features', default='default')
    ap.add_argument('--name', help='namespace (default p<seed>)')
    ap.add_argument('-o', '--output', required=True, help='the .cpp to write')
    ap.add_argument('--manifest', help='append "<ns> <kinds per kernel...>" here')
    ap.add_argument('--list-features', action='store_true')
    args = ap.parse_args()
    feats = parse_features(args.features)
    ns = args.name or 'p%d' % args.seed
    text, kinds = Gen(args.seed, feats, args.kernels).program(ns)
    with open(args.output, 'w') as f:
        f.write(text)
    if args.manifest:
        with open(args.manifest, 'a') as f:
            f.write('%s %s\n' % (ns, ' '.join(kinds)))


if __name__ == '__main__':
    main()
