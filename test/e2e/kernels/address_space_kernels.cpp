// Pointers whose address space is only known at run time: generic pointers
// that stay generic in every image (volatile accesses, pointers selected
// between local, global and private memory, a generic pointer handed to a
// device function).
#include <dpex/kernel.hpp>

namespace e2e {

// Stores and a read-modify-write through a volatile pointer.
DPEX_KERNEL void volatile_store(dpex::item<1> it, int *out) {
  volatile int *p = out;
  size_t i = it.get_id(0);
  p[i] = int(i) * 3 + 1;
  p[i] += 2;
}

// Reads the group's slice reversed, for each work-item either from the
// local copy (doubled) or from global memory.
DPEX_KERNEL void select_local_global(dpex::nd_item<1> it, const int *in,
                                     int *out, dpex::local_accessor<int> tile,
                                     int all_local) {
  size_t l = it.get_local_id(0), n = it.get_local_range(0);
  tile[l] = in[it.get_global_id(0)] * 2;
  dpex::group_barrier(it.get_group());
  const int *src = (all_local || l % 2 == 1)
                       ? &tile[0]
                       : in + it.get_group().get_group_id(0) * n;
  out[it.get_global_id(0)] = src[n - 1 - l];
}

// Reads from whichever of two global arrays holds the larger value.
DPEX_KERNEL void select_two_globals(dpex::item<1> it, const int *a,
                                    const int *b, int *out, int n) {
  size_t i = it.get_id(0);
  const int *src = a[i] >= b[i] ? a : b;
  out[i] = src[i] * 10 + src[(i + 1) % size_t(n)];
}

struct Block {
  int v[6];
};

// Device functions over a generic pointer, given private or global memory.
static void write_squares(int *dst, int count, int from) {
  for (int k = 0; k < count; ++k)
    dst[k] = (from + k) * (from + k);
}

static int sum(const int *p, int count) {
  int s = 0;
  for (int k = 0; k < count; ++k)
    s += p[k];
  return s;
}

// Odd work-items write their squares to a private array, even ones to
// `out`; both sum what they wrote through the same generic pointer.
DPEX_KERNEL void through_device_function(dpex::item<1> it, int *out,
                                         int *sums) {
  size_t i = it.get_id(0);
  int priv[4];
  int *dst = i % 2 == 1 ? priv : out + 4 * i;
  write_squares(dst, 4, int(i));
  sums[i] = sum(dst, 4);
}

// Copies a whole struct (6 ints each of `in` and `out`) from private or
// global memory, whichever the work-item's parity picks.
DPEX_KERNEL void copy_block(dpex::item<1> it, const int *in, int *out) {
  size_t i = it.get_id(0);
  Block local;
  for (int k = 0; k < 6; ++k)
    local.v[k] = -int(i) - k;
  const Block *src =
      i % 2 == 1 ? &local : reinterpret_cast<const Block *>(in) + i;
  reinterpret_cast<Block *>(out)[i] = *src;
}

} // namespace e2e
