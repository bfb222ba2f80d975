// Sub-group reductions of 32-bit integers with each op that is one
// instruction (plus, minimum, maximum), signed and unsigned, beside a 64-bit
// one and a float one.
#include <dpex/kernel.hpp>

template <typename T>
DPEX_KERNEL void reductions(dpex::nd_item<1> it, const T *in, T *out) {
  dpex::sub_group sg = it.get_sub_group();
  const size_t i = it.get_global_id(0);
  out[3 * i] = dpex::reduce_over_group(sg, in[i], dpex::plus<>());
  out[3 * i + 1] = dpex::reduce_over_group(sg, in[i], dpex::minimum<>());
  out[3 * i + 2] = dpex::reduce_over_group(sg, in[i], dpex::maximum<>());
}
template void reductions<int>(dpex::nd_item<1>, const int *, int *);
template void reductions<unsigned>(dpex::nd_item<1>, const unsigned *,
                                   unsigned *);
template void reductions<long>(dpex::nd_item<1>, const long *, long *);
template void reductions<float>(dpex::nd_item<1>, const float *, float *);
