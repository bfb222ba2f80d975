// Work-group algorithms: group_broadcast, reduce_over_group and the four
// scans for every operation and value type, on 1-D groups, and on 2-D and 3-D
// groups for a few; any/all/none_of_group on each dimensionality.
#include <dpex/kernel.hpp>

#include "group/group_cases.hpp"

using namespace group_cases;

// Work-item i of the launch is group g's local linear id l, i = g * n + l;
// out holds NumSlots results per work-item, those computes(O, slot) names.
template <typename T, int O, int Dims, typename Op>
void run_algorithms(dpex::nd_item<Dims> it, const T *in, T *out, Op op) {
  dpex::group<Dims> g = it.get_group();
  std::size_t n = g.get_local_linear_range();
  std::size_t i = g.get_group_linear_id() * n + g.get_local_linear_id();
  T x = in[i], *slot = out + i * NumSlots;
  if constexpr (computes(O, Broadcast))
    slot[Broadcast] = dpex::group_broadcast(g, x, broadcaster(n));
  if constexpr (computes(O, Reduce))
    slot[Reduce] = dpex::reduce_over_group(g, x, op);
  if constexpr (computes(O, ExclusiveScan))
    slot[ExclusiveScan] = dpex::exclusive_scan_over_group(g, x, op);
  if constexpr (computes(O, ExclusiveScanInit))
    slot[ExclusiveScanInit] =
        dpex::exclusive_scan_over_group(g, x, init<T>(O), op);
  if constexpr (computes(O, InclusiveScan))
    slot[InclusiveScan] = dpex::inclusive_scan_over_group(g, x, op);
  if constexpr (computes(O, InclusiveScanInit))
    slot[InclusiveScanInit] =
        dpex::inclusive_scan_over_group(g, x, op, init<T>(O));
}

template <typename T, int O> auto op_of() {
  if constexpr (O == Plus)
    return dpex::plus<T>();
  else if constexpr (O == Multiplies)
    return dpex::multiplies<T>();
  else if constexpr (O == Minimum)
    return dpex::minimum<T>();
  else if constexpr (O == Maximum)
    return dpex::maximum<T>();
  else if constexpr (O == BitAnd)
    return dpex::bit_and<T>();
  else if constexpr (O == BitOr)
    return dpex::bit_or<T>();
  else if constexpr (O == BitXor)
    return dpex::bit_xor<T>();
  else if constexpr (O == LogicalAnd)
    return dpex::logical_and<T>();
  else
    return dpex::logical_or<T>();
}

// One kernel per operation: Intel's OpenCL compiler crashes on the group
// algorithms of several operations under a switch on a kernel argument.
template <typename T, int O, int Dims>
DPEX_KERNEL void group_algorithms(dpex::nd_item<Dims> it, const T *in, T *out) {
  run_algorithms<T, O>(it, in, out, op_of<T, O>());
}

#define INSTANTIATE(T, O, D)                                                   \
  template void group_algorithms<T, O, D>(dpex::nd_item<D>, const T *, T *);
#define EVERY_OP(T, D)                                                         \
  INSTANTIATE(T, Plus, D)                                                      \
  INSTANTIATE(T, Multiplies, D)                                                \
  INSTANTIATE(T, Minimum, D)                                                   \
  INSTANTIATE(T, Maximum, D)                                                   \
  INSTANTIATE(T, LogicalAnd, D)                                                \
  INSTANTIATE(T, LogicalOr, D)
#define EVERY_INTEGER_OP(T, D)                                                 \
  EVERY_OP(T, D)                                                               \
  INSTANTIATE(T, BitAnd, D)                                                    \
  INSTANTIATE(T, BitOr, D)                                                     \
  INSTANTIATE(T, BitXor, D)

EVERY_INTEGER_OP(int, 1)
EVERY_INTEGER_OP(unsigned, 1)
EVERY_INTEGER_OP(long, 1)
EVERY_INTEGER_OP(unsigned long, 1)
EVERY_OP(float, 1)
EVERY_OP(double, 1)
INSTANTIATE(int, Plus, 2)
INSTANTIATE(float, Maximum, 2)
INSTANTIATE(unsigned long, BitXor, 3)
INSTANTIATE(double, Plus, 3)

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
