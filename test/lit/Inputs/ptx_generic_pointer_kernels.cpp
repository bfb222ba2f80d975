#include <dpex/kernel.hpp>

DPEX_KERNEL void volatile_store(dpex::item<1> it, int *out) {
  volatile int *p = out;
  p[it.get_id(0)] = 1;
}

DPEX_KERNEL void local_or_global(dpex::nd_item<1> it, const int *in, int *out,
                                 dpex::local_accessor<int> tile,
                                 int use_local) {
  size_t l = it.get_local_id(0);
  tile[l] = in[it.get_global_id(0)] * 2;
  dpex::group_barrier(it.get_group());
  const int *src = use_local ? &tile[0] : in;
  out[it.get_global_id(0)] = src[l];
}

static void fill(int *dst, int n, int v) {
  for (int k = 0; k < n; ++k)
    dst[k] = v + k;
}

DPEX_KERNEL void private_or_global(dpex::item<1> it, int *out, int *sum) {
  size_t i = it.get_id(0);
  int priv[4];
  int *dst = i % 2 ? priv : out + 4 * i;
  fill(dst, 4, int(i));
  sum[i] = dst[0] + dst[3];
}
