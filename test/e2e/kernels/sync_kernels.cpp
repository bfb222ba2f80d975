// Work-group local memory, barriers and atomics.
#include <dpex/kernel.hpp>

namespace e2e {

// Reverses each work-group's slice through local memory: every read comes
// from another work-item's write, so it is only right with the barrier.
DPEX_KERNEL void reverse_groups(dpex::nd_item<1> it, const int *in, int *out,
                                dpex::local_accessor<int> tile) {
  size_t l = it.get_local_id(0), n = it.get_local_range(0);
  tile[l] = in[it.get_global_id(0)];
  dpex::group_barrier(it.get_group());
  out[it.get_global_id(0)] = tile[n - 1 - l];
}

// Tree reduction in local memory: a barrier inside a loop, one partial sum
// per work-group.
DPEX_KERNEL void block_sum(dpex::nd_item<1> it, const int *in, int *partial,
                           dpex::local_accessor<int> tile) {
  size_t l = it.get_local_id(0);
  tile[l] = in[it.get_global_id(0)];
  for (size_t stride = it.get_local_range(0) / 2; stride > 0; stride /= 2) {
    dpex::group_barrier(it.get_group());
    if (l < stride)
      tile[l] += tile[l + stride];
  }
  if (it.get_group().leader())
    partial[it.get_group().get_group_id(0)] = tile.get_pointer()[0];
}

// The kernel language's example: per-group sums in local memory, one float
// atomic add per group.
DPEX_KERNEL void sum_tiles(dpex::nd_item<1> it, const float *in, float *out,
                           dpex::local_accessor<float> tile) {
  size_t l = it.get_local_id(0);
  tile[l] = in[it.get_global_id(0)];
  dpex::group_barrier(it.get_group());
  if (l == 0) {
    float s = 0;
    for (size_t k = 0; k < it.get_local_range(0); ++k)
      s += tile[k];
    dpex::atomic_ref<float> acc(out[0]);
    acc.fetch_add(s);
  }
}

// Every work-item adds 1 to one of `ncounters` counters: heavy contention.
template <typename T>
DPEX_KERNEL void count_add(dpex::item<1> it, T *counters, unsigned ncounters) {
  dpex::atomic_ref<T> c(counters[it.get_id(0) % ncounters]);
  c.fetch_add(T(1));
}
template void count_add<int>(dpex::item<1>, int *, unsigned);
template void count_add<unsigned int>(dpex::item<1>, unsigned int *, unsigned);
template void count_add<long>(dpex::item<1>, long *, unsigned);
template void count_add<unsigned long>(dpex::item<1>, unsigned long *,
                                       unsigned);
template void count_add<float>(dpex::item<1>, float *, unsigned);
template void count_add<double>(dpex::item<1>, double *, unsigned);

// Every work-item subtracts its input from counters[0] (operator -=) and
// counts down counters[1] (prefix --).
template <typename T>
DPEX_KERNEL void count_sub(dpex::item<1> it, const T *in, T *counters) {
  dpex::atomic_ref<T, dpex::memory_order::acq_rel> a(counters[0]),
      b(counters[1]);
  a -= in[it.get_id(0)];
  --b;
}
template void count_sub<int>(dpex::item<1>, const int *, int *);
template void count_sub<unsigned long>(dpex::item<1>, const unsigned long *,
                                       unsigned long *);
template void count_sub<double>(dpex::item<1>, const double *, double *);

// result[0] = min, result[1] = max over all inputs.
template <typename T>
DPEX_KERNEL void min_max(dpex::item<1> it, const T *in, T *result) {
  T v = in[it.get_id(0)];
  dpex::atomic_ref<T>(result[0]).fetch_min(v);
  dpex::atomic_ref<T>(result[1]).fetch_max(v);
}
template void min_max<int>(dpex::item<1>, const int *, int *);
template void min_max<unsigned int>(dpex::item<1>, const unsigned int *,
                                    unsigned int *);
template void min_max<long>(dpex::item<1>, const long *, long *);
template void min_max<unsigned long>(dpex::item<1>, const unsigned long *,
                                     unsigned long *);
template void min_max<float>(dpex::item<1>, const float *, float *);
template void min_max<double>(dpex::item<1>, const double *, double *);

// bits[0] |= one bit per item, bits[1] ^= the item's id, bits[2] &= all but
// one bit per item.
template <typename T> DPEX_KERNEL void bitwise(dpex::item<1> it, T *bits) {
  size_t i = it.get_id(0);
  T bit = T(1) << (i % (8 * sizeof(T)));
  dpex::atomic_ref<T>(bits[0]).fetch_or(bit);
  dpex::atomic_ref<T>(bits[1]).fetch_xor(T(i));
  dpex::atomic_ref<T>(bits[2]).fetch_and(T(~bit));
}
template void bitwise<unsigned int>(dpex::item<1>, unsigned int *);
template void bitwise<long>(dpex::item<1>, long *);

// Tickets from a compare-exchange loop on one counter: every ticket is
// drawn once, so taken[t] ends up 1 for each t < n.
template <typename T>
DPEX_KERNEL void cas_tickets(dpex::item<1> it, T *counter, int *taken) {
  dpex::atomic_ref<T, dpex::memory_order::seq_cst> c(*counter);
  T expected = c.load();
  while (!c.compare_exchange_strong(expected, expected + T(1)))
    ;
  dpex::atomic_ref<int>(taken[size_t(expected)]).fetch_add(1);
}
template void cas_tickets<int>(dpex::item<1>, int *, int *);
template void cas_tickets<unsigned long>(dpex::item<1>, unsigned long *, int *);
template void cas_tickets<float>(dpex::item<1>, float *, int *);

// Each item swaps its id into one cell; the old values it gets back and the
// final value are a permutation of the initial value and all ids.
template <typename T>
DPEX_KERNEL void exchange_chain(dpex::item<1> it, T *cell, T *seen) {
  size_t i = it.get_id(0);
  seen[i] = dpex::atomic_ref<T>(*cell).exchange(T(i));
}
template void exchange_chain<int>(dpex::item<1>, int *, int *);
template void exchange_chain<double>(dpex::item<1>, double *, double *);

// Atomic store, fence and barrier, then an atomic load of what the next
// work-item of the group stored.
DPEX_KERNEL void store_load(dpex::nd_item<1> it, long *data, long *out) {
  size_t i = it.get_global_id(0);
  dpex::atomic_ref<long, dpex::memory_order::release> w(data[i]);
  w.store(long(i) * 3);
  dpex::atomic_fence(dpex::memory_order::acq_rel,
                     dpex::memory_scope::work_group);
  dpex::group_barrier(it.get_group(), dpex::memory_scope::device);
  size_t j = it.get_group().get_group_id(0) * it.get_local_range(0) +
             (it.get_local_id(0) + 1) % it.get_local_range(0);
  dpex::atomic_ref<long, dpex::memory_order::acquire> r(data[j]);
  out[i] = r.load();
}

// A histogram of in[] % nbins per work-group in local memory (local-space
// atomics), then merged into the global one.
DPEX_KERNEL void local_histogram(dpex::nd_item<1> it, const unsigned *in,
                                 unsigned *hist, unsigned nbins,
                                 dpex::local_accessor<unsigned> bins) {
  size_t l = it.get_local_id(0), n = it.get_local_range(0);
  for (size_t b = l; b < nbins; b += n)
    bins[b] = 0;
  dpex::group_barrier(it.get_group());
  using local_ref = dpex::atomic_ref<unsigned, dpex::memory_order::relaxed,
                                     dpex::memory_scope::work_group,
                                     dpex::address_space::local_space>;
  local_ref(bins[in[it.get_global_id(0)] % nbins]).fetch_add(1u);
  dpex::group_barrier(it.get_group());
  for (size_t b = l; b < nbins; b += n)
    dpex::atomic_ref<unsigned>(hist[b]).fetch_add(bins[b]);
}

// The same histogram through generic-space atomics: the kernel names no
// space, yet every image gets one (the local counts) after inlining, so the
// module's other kernels still build for SPIR 1.2 and PTX.
DPEX_KERNEL void generic_histogram(dpex::nd_item<1> it, const unsigned *in,
                                   int *hist, unsigned nbins,
                                   dpex::local_accessor<int> bins) {
  size_t l = it.get_local_id(0), n = it.get_local_range(0);
  for (size_t b = l; b < nbins; b += n)
    bins[b] = 0;
  dpex::group_barrier(it.get_group());
  using generic_ref = dpex::atomic_ref<int, dpex::memory_order::relaxed,
                                       dpex::memory_scope::device,
                                       dpex::address_space::generic_space>;
  generic_ref(bins[in[it.get_global_id(0)] % nbins]).fetch_add(1);
  dpex::group_barrier(it.get_group());
  for (size_t b = l; b < nbins; b += n)
    generic_ref(hist[b]).fetch_add(bins[b]);
}

// A generic-space atomic on a pointer chosen at run time between global and
// local memory: only the SPIR-V can express it, so the spir and PTX images
// leave this kernel out (and the module's other kernels in).
DPEX_KERNEL void generic_either(dpex::nd_item<1> it, int *count, int use_local,
                                dpex::local_accessor<int> local_count) {
  using generic_ref = dpex::atomic_ref<int, dpex::memory_order::relaxed,
                                       dpex::memory_scope::device,
                                       dpex::address_space::generic_space>;
  if (it.get_local_id(0) == 0)
    local_count[0] = 0;
  dpex::group_barrier(it.get_group());
  int *target = use_local ? &local_count[0] : &count[0];
  generic_ref(*target).fetch_add(1);
  dpex::group_barrier(it.get_group());
  if (use_local && it.get_local_id(0) == 0)
    generic_ref(count[0]).fetch_add(local_count[0]);
}

// Float min/max and add on local memory through the CAS loop.
DPEX_KERNEL void local_float_minmax(dpex::nd_item<1> it, const float *in,
                                    float *out,
                                    dpex::local_accessor<float> acc) {
  if (it.get_group().leader()) {
    acc[0] = in[it.get_global_id(0)];
    acc[1] = in[it.get_global_id(0)];
    acc[2] = 0.0f;
  }
  dpex::group_barrier(it.get_group());
  using local_ref = dpex::atomic_ref<float, dpex::memory_order::relaxed,
                                     dpex::memory_scope::work_group,
                                     dpex::address_space::local_space>;
  float v = in[it.get_global_id(0)];
  local_ref(acc[0]).fetch_min(v);
  local_ref(acc[1]).fetch_max(v);
  local_ref(acc[2]).fetch_add(v);
  dpex::group_barrier(it.get_group());
  if (it.get_group().leader()) {
    size_t g = it.get_group().get_group_id(0);
    out[3 * g] = acc[0];
    out[3 * g + 1] = acc[1];
    out[3 * g + 2] = acc[2];
  }
}

// A weighted histogram under contention: every work-item adds its weight to
// one of a few bins, in global memory and in its group's bins in local
// memory, and subtracts it from one total; the group's bins then go to
// `group_bins` (nbins per group, nbins <= the group size).
template <typename T>
DPEX_KERNEL void weighted_histogram(dpex::nd_item<1> it, const unsigned *bin,
                                    const T *weight, T *bins, T *total,
                                    T *group_bins, unsigned nbins,
                                    dpex::local_accessor<T> local_bins) {
  using local_ref = dpex::atomic_ref<T, dpex::memory_order::relaxed,
                                     dpex::memory_scope::work_group,
                                     dpex::address_space::local_space>;
  size_t i = it.get_global_id(0), l = it.get_local_id(0);
  if (l < nbins)
    local_bins[l] = T(0);
  dpex::group_barrier(it.get_group());
  T w = weight[i];
  dpex::atomic_ref<T>(bins[bin[i]]).fetch_add(w);
  dpex::atomic_ref<T>(*total).fetch_sub(w);
  local_ref(local_bins[bin[i]]).fetch_add(w);
  dpex::group_barrier(it.get_group());
  if (l < nbins)
    group_bins[it.get_group().get_group_id(0) * nbins + l] = local_bins[l];
}
template void weighted_histogram<float>(dpex::nd_item<1>, const unsigned *,
                                        const float *, float *, float *,
                                        float *, unsigned,
                                        dpex::local_accessor<float>);
template void weighted_histogram<double>(dpex::nd_item<1>, const unsigned *,
                                         const double *, double *, double *,
                                         double *, unsigned,
                                         dpex::local_accessor<double>);

// Per-item scratch: sorts 8 values in a private_array.
DPEX_KERNEL void sort8(dpex::item<1> it, const float *in, float *out) {
  size_t base = it.get_id(0) * 8;
  dpex::private_array<float, 8> v;
  for (size_t k = 0; k < v.size(); ++k)
    v[k] = in[base + k];
  for (size_t k = 1; k < v.size(); ++k)
    for (size_t j = k; j > 0 && v[j - 1] > v[j]; --j) {
      float t = v[j];
      v[j] = v[j - 1];
      v[j - 1] = t;
    }
  for (size_t k = 0; k < v.size(); ++k)
    out[base + k] = v[k];
}

} // namespace e2e
