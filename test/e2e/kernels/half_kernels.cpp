// dpex::half in kernels: by-value parameter, array element, arithmetic,
// conversions, math through float.
#include <dpex/kernel.hpp>

#include "e2e_half.hpp"

namespace e2e {

// out[i * half_op_count + k] = operation k of half_ops; ints[i] and
// floats[i] convert a result to int and float.
DPEX_KERNEL void half_arith(dpex::item<1> it, const dpex::half *a,
                            const dpex::half *b, const dpex::half *c,
                            dpex::half s, dpex::half *out, int *ints,
                            float *floats) {
  size_t i = it.get_id(0);
  half_ops(a[i], b[i], c[i], s, out + i * half_op_count);
  ints[i] = int(a[i] * s);
  floats[i] = a[i] + 0.25f;
}

// out[2i] = sqrt(|x|), out[2i+1] = exp(x / 8), computed in float.
DPEX_KERNEL void half_math(dpex::item<1> it, const dpex::half *x,
                           dpex::half *out) {
  size_t i = it.get_id(0);
  dpex::half v = x[i];
  out[2 * i] = dpex::sqrt(v < 0 ? -v : v);
  out[2 * i + 1] = dpex::exp(v / 8);
  // From a float computed on the device: the device's float to half.
  if (dpex::isnan(v) || dpex::isinf(v))
    out[2 * i + 1] = dpex::half(-1.0f);
}

} // namespace e2e
