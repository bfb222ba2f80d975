// dpex::half arithmetic shared by the half kernels and their host
// reference: the same source computes both, with the same type.
#pragma once

#include <dpex/half.hpp>

namespace e2e {

constexpr int half_op_count = 14;

// `a` and `c` are finite; `b` is any half (NaN, infinities, zeros, ...);
// `s` is the kernel's by-value half parameter.
inline void half_ops(dpex::half a, dpex::half b, dpex::half c, dpex::half s,
                     dpex::half *r) {
  r[0] = a + b;
  r[1] = a - b;
  r[2] = a * b;
  r[3] = a / b;
  r[4] = a * s + c;
  // fma through float: the product of two halves is exact in float.
  r[5] = dpex::half(float(a) * float(b) + float(c));
  r[6] = a < b ? a : b;
  r[7] = (a == b || a >= c) && !(c != s) ? s : -s;
  r[8] = a + 3;
  r[9] = 2 * a - 1;
  r[10] = dpex::half(float(a) * 0.1f);
  r[11] = dpex::half(int(a));
  dpex::half t = c;
  t += s;
  t *= b;
  t -= a;
  t /= s;
  r[12] = t;
  dpex::half u = a;
  ++u;
  u--;
  r[13] = -u;
}

} // namespace e2e
