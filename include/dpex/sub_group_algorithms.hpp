// Sub-group algorithms of the dpex kernel language (SYCL 2020's names):
// group_broadcast, select_from_group, the shifts and permute_group_by_xor,
// reduce_over_group, the scans and any/all/none_of_group on a sub_group.
// Included by <dpex/kernel.hpp>.
//
// Every work-item of the sub-group must reach each call, with the same
// arguments where SYCL requires it (the op, the broadcasting work-item, the
// shift): each call is one group instruction at Subgroup scope. Values are
// int32/uint32/int64/uint64/float/double. plus, minimum and maximum are
// single OpGroup* instructions; the other ops combine the sub-group's values
// in order through shuffles (one per work-item of the sub-group).
#pragma once

namespace dpex {

namespace detail {
constexpr int subgroup_scope = 3;
// SPIR-V GroupOperation.
constexpr int group_reduce = 0, group_inclusive_scan = 1,
              group_exclusive_scan = 2;

template <typename _Tp> struct sub_group_value {
  static constexpr bool supported = false;
};
#define DPEX_SUB_GROUP_VALUE(T)                                                \
  template <> struct sub_group_value<T> {                                      \
    static constexpr bool supported = true;                                    \
  };
DPEX_SUB_GROUP_VALUE(int)
DPEX_SUB_GROUP_VALUE(unsigned)
DPEX_SUB_GROUP_VALUE(long)
DPEX_SUB_GROUP_VALUE(unsigned long)
DPEX_SUB_GROUP_VALUE(float)
DPEX_SUB_GROUP_VALUE(double)
#undef DPEX_SUB_GROUP_VALUE

template <typename _Tp> void check_sub_group_value_type() {
  static_assert(sub_group_value<_Tp>::supported,
                "dpex sub-group algorithms take int32, uint32, int64, uint64, "
                "float or double values");
}

// The op as one group instruction, where SPIR-V has one.
template <typename _Op, typename _Tp> struct sub_group_native {
  static constexpr bool known = false;
};
#define DPEX_SUB_GROUP_NATIVE(OP, T, INSTRUCTION)                              \
  template <> struct sub_group_native<OP<void>, T> {                           \
    static constexpr bool known = true;                                        \
    static T apply(int __operation, T __x) {                                   \
      return __spirv_Group##INSTRUCTION(subgroup_scope, __operation, __x);     \
    }                                                                          \
  };                                                                           \
  template <>                                                                  \
  struct sub_group_native<OP<T>, T> : sub_group_native<OP<void>, T> {};
#define DPEX_SUB_GROUP_NATIVE_ALL(T, ADD, MIN, MAX)                            \
  DPEX_SUB_GROUP_NATIVE(plus, T, ADD)                                          \
  DPEX_SUB_GROUP_NATIVE(minimum, T, MIN)                                       \
  DPEX_SUB_GROUP_NATIVE(maximum, T, MAX)
DPEX_SUB_GROUP_NATIVE_ALL(int, IAdd, SMin, SMax)
DPEX_SUB_GROUP_NATIVE_ALL(unsigned, IAdd, UMin, UMax)
DPEX_SUB_GROUP_NATIVE_ALL(long, IAdd, SMin, SMax)
DPEX_SUB_GROUP_NATIVE_ALL(unsigned long, IAdd, UMin, UMax)
DPEX_SUB_GROUP_NATIVE_ALL(float, FAdd, FMin, FMax)
DPEX_SUB_GROUP_NATIVE_ALL(double, FAdd, FMin, FMax)
#undef DPEX_SUB_GROUP_NATIVE_ALL
#undef DPEX_SUB_GROUP_NATIVE

template <typename _Tp> _Tp sub_group_shuffle(_Tp x, size_t id) {
  check_sub_group_value_type<_Tp>();
  return __spirv_SubgroupShuffleINTEL(x, static_cast<unsigned>(id));
}

// op over the values of work-items [0, last) in order (`any` is false when
// the range is empty). Every work-item runs the same number of shuffles.
template <typename _Tp, typename _Op>
_Tp sub_group_fold(sub_group g, _Tp x, _Op op, size_t last, bool &any) {
  const size_t n = g.get_local_range();
  _Tp r{};
  any = false;
  for (size_t i = 0; i < n; ++i) {
    _Tp v = sub_group_shuffle(x, i);
    if (i < last) {
      r = any ? op(r, v) : v;
      any = true;
    }
  }
  return r;
}
} // namespace detail

// `x` of the sub-group's work-item `local_id`.
template <typename _Tp>
_Tp group_broadcast(sub_group, _Tp x, size_t local_id = 0) {
  detail::check_sub_group_value_type<_Tp>();
  return __spirv_GroupBroadcast(detail::subgroup_scope, x,
                                static_cast<unsigned>(local_id));
}

// `x` of work-item `local_id`, which may differ between work-items.
template <typename _Tp>
_Tp select_from_group(sub_group, _Tp x, size_t local_id) {
  return detail::sub_group_shuffle(x, local_id);
}

// `x` of the work-item `delta` after this one (undefined past the end).
template <typename _Tp>
_Tp shift_group_left(sub_group g, _Tp x, size_t delta = 1) {
  return detail::sub_group_shuffle(x, g.get_local_id() + delta);
}

// `x` of the work-item `delta` before this one (undefined before the start).
template <typename _Tp>
_Tp shift_group_right(sub_group g, _Tp x, size_t delta = 1) {
  return detail::sub_group_shuffle(x, g.get_local_id() - delta);
}

// `x` of the work-item whose local id is this one's xor `mask`.
template <typename _Tp>
_Tp permute_group_by_xor(sub_group g, _Tp x, size_t mask) {
  return detail::sub_group_shuffle(x, g.get_local_id() ^ mask);
}

template <typename _Tp, typename _Op>
_Tp reduce_over_group(sub_group g, _Tp x, _Op op) {
  detail::check_sub_group_value_type<_Tp>();
  if constexpr (detail::sub_group_native<_Op, _Tp>::known) {
    (void)g;
    return detail::sub_group_native<_Op, _Tp>::apply(detail::group_reduce, x);
  } else {
    bool any;
    return detail::sub_group_fold(g, x, op, g.get_local_range(), any);
  }
}

template <typename _Tp, typename _Init, typename _Op>
_Init reduce_over_group(sub_group g, _Tp x, _Init init, _Op op) {
  return op(init, static_cast<_Init>(reduce_over_group(g, x, op)));
}

template <typename _Tp, typename _Op>
_Tp inclusive_scan_over_group(sub_group g, _Tp x, _Op op) {
  detail::check_sub_group_value_type<_Tp>();
  if constexpr (detail::sub_group_native<_Op, _Tp>::known) {
    (void)g;
    return detail::sub_group_native<_Op, _Tp>::apply(
        detail::group_inclusive_scan, x);
  } else {
    bool any;
    return detail::sub_group_fold(g, x, op, g.get_local_id() + 1, any);
  }
}

template <typename _Tp, typename _Op, typename _Init>
_Init inclusive_scan_over_group(sub_group g, _Tp x, _Op op, _Init init) {
  return op(init, static_cast<_Init>(inclusive_scan_over_group(g, x, op)));
}

template <typename _Tp, typename _Init, typename _Op>
_Init exclusive_scan_over_group(sub_group g, _Tp x, _Init init, _Op op) {
  detail::check_sub_group_value_type<_Init>();
  bool before;
  _Init prefix = detail::sub_group_fold(g, static_cast<_Init>(x), op,
                                        g.get_local_id(), before);
  return before ? op(init, prefix) : init;
}

template <typename _Tp, typename _Op>
_Tp exclusive_scan_over_group(sub_group g, _Tp x, _Op op) {
  detail::check_sub_group_value_type<_Tp>();
  if constexpr (detail::sub_group_native<_Op, _Tp>::known) {
    (void)g;
    return detail::sub_group_native<_Op, _Tp>::apply(
        detail::group_exclusive_scan, x);
  } else {
    return exclusive_scan_over_group(g, x, known_identity<_Op, _Tp>::value, op);
  }
}

namespace detail {
// Inclusive scan within the sub-group: one group instruction where SPIR-V
// has one, else one shuffle per doubling of the distance.
template <typename _Tp, typename _Op>
_Tp sub_group_inclusive_tree(sub_group g, _Tp x, _Op op) {
  if constexpr (sub_group_native<_Op, _Tp>::known) {
    (void)g;
    return sub_group_native<_Op, _Tp>::apply(group_inclusive_scan, x);
  } else {
    const size_t id = g.get_local_id(), n = g.get_local_range();
    for (size_t d = 1; d < n; d *= 2) {
      _Tp v = sub_group_shuffle(x, id >= d ? id - d : id);
      if (id >= d)
        x = op(v, x);
    }
    return x;
  }
}

// The work-group algorithms' warp-then-block tree. Each sub-group scans
// its values; its last work-item writes the total to scratch slot `sid`;
// sub-group 0 scans the totals, a sub-group's worth at a time, into the
// second half of the scratch area; each work-item then combines its
// sub-group's prefix with its own within the sub-group. Two barriers, none
// last: the next call writes the first half, which nobody reads after the
// second barrier, and the second half only after its own first barrier.
// Sub-groups are contiguous in local linear id, so this is linear order;
// at most half the scratch area's slots (520) sub-groups.
template <typename _Tp> struct warp_scan {
  _Tp in_sub_group; // inclusive within the sub-group
  size_t sub_group_id, local_id;
  const _Tp *totals; // inclusive over the sub-groups
};

template <int _Dims, typename _Tp, typename _Op>
warp_scan<_Tp> warp_group_scan(group<_Dims> g, _Tp x, _Op op) {
  constexpr size_t half = (2 * group_scratch_slots + group_scratch_lanes) / 2;
  const sub_group sg;
  _Tp *s = group_scratch<_Tp>();
  const size_t id = sg.get_local_id(), n = sg.get_local_range(),
               sid = sg.get_group_id(), count = sg.get_group_range();
  const _Tp in = sub_group_inclusive_tree(sg, x, op);
  if (id == n - 1)
    s[sid] = in;
  group_barrier(g);
  if (sid == 0) {
    // Sub-group 0 is full unless it is the only one.
    _Tp carry{};
    for (size_t base = 0; base < count; base += n) {
      const size_t i = base + id;
      _Tp t = sub_group_inclusive_tree(sg, s[i < count ? i : count - 1], op);
      if (base > 0)
        t = op(carry, t);
      if (i < count)
        s[half + i] = t;
      carry = sub_group_shuffle(t, n - 1);
    }
  }
  group_barrier(g);
  return {in, sid, id, s + half};
}

// The type a value of the work-group algorithms is combined in across
// sub-groups: itself where sub-groups take it, else one they take that
// holds every value of it (the op still computes in the value's own type).
template <typename _Tp> constexpr auto warp_value_of() {
  constexpr bool is_signed = static_cast<_Tp>(-1) < _Tp(0);
  if constexpr (sub_group_value<_Tp>::supported)
    return _Tp{};
  else if constexpr (!__is_integral(_Tp))
    return double{};
  else if constexpr (sizeof(_Tp) > sizeof(int) && is_signed)
    return long{};
  else if constexpr (sizeof(_Tp) > sizeof(int))
    return static_cast<unsigned long>(0);
  else if constexpr (is_signed)
    return int{};
  else
    return unsigned{};
}

template <int _Dims, typename _Tp, typename _Op>
void warp_reduce(const group<_Dims> &g, const _Tp &x, const _Op &op, _Tp &out) {
  using _Wp = decltype(warp_value_of<_Tp>());
  const sub_group sg;
  out = static_cast<_Tp>(warp_group_scan(g, static_cast<_Wp>(x), op)
                             .totals[sg.get_group_range() - 1]);
}

template <int _Dims, typename _Tp, typename _Op>
void warp_prefix_before(const group<_Dims> &g, const _Tp &x, const _Op &op,
                        bool &before, _Tp &out) {
  using _Wp = decltype(warp_value_of<_Tp>());
  const warp_scan<_Wp> w = warp_group_scan(g, static_cast<_Wp>(x), op);
  const size_t id = w.local_id;
  // This work-item's exclusive value within the sub-group.
  const _Wp within = sub_group_shuffle(w.in_sub_group, id > 0 ? id - 1 : 0);
  _Wp result{};
  before = false;
  if (w.sub_group_id > 0) {
    result = w.totals[w.sub_group_id - 1];
    before = true;
  }
  if (id > 0) {
    result = before ? op(result, within) : within;
    before = true;
  }
  out = static_cast<_Tp>(result);
}
} // namespace detail

inline bool any_of_group(sub_group, bool pred) {
  return __spirv_GroupAny(detail::subgroup_scope, pred);
}
inline bool all_of_group(sub_group, bool pred) {
  return __spirv_GroupAll(detail::subgroup_scope, pred);
}
inline bool none_of_group(sub_group g, bool pred) {
  return !any_of_group(g, pred);
}

} // namespace dpex
