// Work-group algorithms: group_broadcast, reduce_over_group and the four
// scans for every operation and value type, on 1-D groups, and on 2-D and 3-D
// groups for a few; any/all/none_of_group on each dimensionality.
#include <dpex/kernel.hpp>

#include "group/group_cases.hpp"

#include <type_traits>

using namespace group_cases;

// Work-item i of the launch is group g's local linear id l, i = g * n + l;
// out holds NumSlots results per work-item.
template <typename T, int Dims, typename Op>
void run_algorithms(dpex::nd_item<Dims> it, const T *in, T *out, Op op,
                    int o) {
  dpex::group<Dims> g = it.get_group();
  std::size_t n = g.get_local_linear_range();
  std::size_t i = g.get_group_linear_id() * n + g.get_local_linear_id();
  T x = in[i], *slot = out + i * NumSlots;
  slot[Broadcast] = dpex::group_broadcast(g, x, broadcaster(n));
  slot[Reduce] = dpex::reduce_over_group(g, x, op);
  slot[ExclusiveScan] = dpex::exclusive_scan_over_group(g, x, op);
  slot[ExclusiveScanInit] =
      dpex::exclusive_scan_over_group(g, x, init<T>(o), op);
  slot[InclusiveScan] = dpex::inclusive_scan_over_group(g, x, op);
  slot[InclusiveScanInit] =
      dpex::inclusive_scan_over_group(g, x, op, init<T>(o));
}

// The operation is a kernel argument, the same for the whole launch, so
// every work-item of a group takes the same branch.
template <typename T, int Dims>
DPEX_KERNEL void group_algorithms(dpex::nd_item<Dims> it, int op,
                                  const T *in, T *out) {
  switch (op) {
  case Plus:
    return run_algorithms(it, in, out, dpex::plus<T>(), op);
  case Multiplies:
    return run_algorithms(it, in, out, dpex::multiplies<T>(), op);
  case Minimum:
    return run_algorithms(it, in, out, dpex::minimum<T>(), op);
  case Maximum:
    return run_algorithms(it, in, out, dpex::maximum<T>(), op);
  case LogicalAnd:
    return run_algorithms(it, in, out, dpex::logical_and<T>(), op);
  case LogicalOr:
    return run_algorithms(it, in, out, dpex::logical_or<T>(), op);
  }
  if constexpr (std::is_integral_v<T>) {
    switch (op) {
    case BitAnd:
      return run_algorithms(it, in, out, dpex::bit_and<T>(), op);
    case BitOr:
      return run_algorithms(it, in, out, dpex::bit_or<T>(), op);
    case BitXor:
      return run_algorithms(it, in, out, dpex::bit_xor<T>(), op);
    }
  }
}

#define INSTANTIATE(T, D)                                                      \
  template void group_algorithms<T, D>(dpex::nd_item<D>, int, const T *, T *);
INSTANTIATE(int, 1)
INSTANTIATE(unsigned, 1)
INSTANTIATE(long, 1)
INSTANTIATE(unsigned long, 1)
INSTANTIATE(float, 1)
INSTANTIATE(double, 1)
INSTANTIATE(int, 2)
INSTANTIATE(float, 2)
INSTANTIATE(unsigned long, 3)
INSTANTIATE(double, 3)

// any_of, all_of and none_of a predicate that holds for `every`-th work-item
// of the group (every = 0: for none), as 0/1 in out[3 * i + 0..2].
template <int Dims>
DPEX_KERNEL void group_predicates(dpex::nd_item<Dims> it, int every, int *out) {
  dpex::group<Dims> g = it.get_group();
  std::size_t n = g.get_local_linear_range(), l = g.get_local_linear_id();
  std::size_t i = g.get_group_linear_id() * n + l;
  bool pred = every > 0 && l % std::size_t(every) == 0;
  out[3 * i + 0] = dpex::any_of_group(g, pred);
  out[3 * i + 1] = dpex::all_of_group(g, pred);
  out[3 * i + 2] = dpex::none_of_group(g, pred);
}
template void group_predicates<1>(dpex::nd_item<1>, int, int *);
template void group_predicates<2>(dpex::nd_item<2>, int, int *);
template void group_predicates<3>(dpex::nd_item<3>, int, int *);
