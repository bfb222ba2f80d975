// Work-group algorithms of the dpex kernel language (SYCL 2020's names):
// group_broadcast, reduce_over_group, the scans, any/all/none_of_group, and
// the function objects they take. Included by <dpex/kernel.hpp>.
//
// Every work-item of the group must reach each call, with the same
// arguments where SYCL requires it (the op, the broadcasting work-item):
// the algorithms synchronise the group as group_barrier does. They work in
// a per-work-group scratch area in local memory, one per value type, that
// the image reserves statically (docs/kernel-language.md, "Work-group
// algorithms").
#pragma once

namespace dpex {

// Function objects, SYCL's: the `void` form deduces its operand type.
#define DPEX_GROUP_OP(NAME, EXPR)                                              \
  template <typename _Tp = void> struct NAME {                                 \
    _Tp operator()(const _Tp &__a, const _Tp &__b) const { return EXPR; }      \
  };                                                                           \
  template <> struct NAME<void> {                                              \
    template <typename _Tp>                                                    \
    _Tp operator()(const _Tp &__a, const _Tp &__b) const {                     \
      return EXPR;                                                             \
    }                                                                          \
  };
DPEX_GROUP_OP(plus, __a + __b)
DPEX_GROUP_OP(multiplies, __a *__b)
DPEX_GROUP_OP(minimum, __b < __a ? __b : __a)
DPEX_GROUP_OP(maximum, __a < __b ? __b : __a)
DPEX_GROUP_OP(bit_and, __a &__b)
DPEX_GROUP_OP(bit_or, __a | __b)
DPEX_GROUP_OP(bit_xor, __a ^ __b)
DPEX_GROUP_OP(logical_and, static_cast<_Tp>(__a &&__b))
DPEX_GROUP_OP(logical_or, static_cast<_Tp>(__a || __b))
#undef DPEX_GROUP_OP

namespace detail {
template <typename _Tp> struct limits;
#define DPEX_GROUP_LIMITS(T, LOW, HIGH)                                        \
  template <> struct limits<T> {                                               \
    static constexpr T lowest = LOW, highest = HIGH;                           \
  };
DPEX_GROUP_LIMITS(bool, false, true)
#ifdef __CHAR_UNSIGNED__
DPEX_GROUP_LIMITS(char, 0, static_cast<char>(0xff))
#else
DPEX_GROUP_LIMITS(char, -__SCHAR_MAX__ - 1, __SCHAR_MAX__)
#endif
DPEX_GROUP_LIMITS(signed char, -__SCHAR_MAX__ - 1, __SCHAR_MAX__)
DPEX_GROUP_LIMITS(unsigned char, 0, 0xff)
DPEX_GROUP_LIMITS(short, -__SHRT_MAX__ - 1, __SHRT_MAX__)
DPEX_GROUP_LIMITS(unsigned short, 0, 0xffff)
DPEX_GROUP_LIMITS(int, -__INT_MAX__ - 1, __INT_MAX__)
DPEX_GROUP_LIMITS(unsigned, 0u, ~0u)
DPEX_GROUP_LIMITS(long, -__LONG_MAX__ - 1, __LONG_MAX__)
DPEX_GROUP_LIMITS(unsigned long, 0ul, ~0ul)
DPEX_GROUP_LIMITS(long long, -__LONG_LONG_MAX__ - 1, __LONG_LONG_MAX__)
DPEX_GROUP_LIMITS(unsigned long long, 0ull, ~0ull)
DPEX_GROUP_LIMITS(float, -__builtin_huge_valf(), __builtin_huge_valf())
DPEX_GROUP_LIMITS(double, -__builtin_huge_val(), __builtin_huge_val())
#undef DPEX_GROUP_LIMITS

template <typename _Op, typename _Tp> struct identity_of {
  static constexpr bool known = false;
};
#define DPEX_GROUP_IDENTITY(OP, VALUE)                                         \
  template <typename _Up, typename _Tp> struct identity_of<OP<_Up>, _Tp> {     \
    static constexpr bool known = true;                                        \
    static constexpr _Tp value = VALUE;                                        \
  };
DPEX_GROUP_IDENTITY(plus, _Tp(0))
DPEX_GROUP_IDENTITY(multiplies, _Tp(1))
DPEX_GROUP_IDENTITY(minimum, limits<_Tp>::highest)
DPEX_GROUP_IDENTITY(maximum, limits<_Tp>::lowest)
DPEX_GROUP_IDENTITY(bit_and, static_cast<_Tp>(~_Tp(0)))
DPEX_GROUP_IDENTITY(bit_or, _Tp(0))
DPEX_GROUP_IDENTITY(bit_xor, _Tp(0))
DPEX_GROUP_IDENTITY(logical_and, _Tp(1))
DPEX_GROUP_IDENTITY(logical_or, _Tp(0))
#undef DPEX_GROUP_IDENTITY
} // namespace detail

// SYCL's known_identity: the value `x` for which op(x, y) == y.
template <typename _Op, typename _Tp> struct known_identity {
  static_assert(detail::identity_of<_Op, _Tp>::known,
                "dpex::known_identity: this operation has no known identity; "
                "pass an initial value");
  static constexpr _Tp value = detail::identity_of<_Op, _Tp>::value;
};

namespace detail {
// Slots of the scratch area; a larger group is handled in chunks.
constexpr size_t group_scratch_slots = 1024;

template <typename _Tp> void check_group_value_type() {
  static_assert(__is_arithmetic(_Tp),
                "dpex work-group algorithms take arithmetic values");
}

// One scratch area per work-group and value type, reserved in the image
// (a static work-group variable), so no launch has to size it.
template <typename _Tp> _Tp *group_scratch() {
  static DPEX_LOCAL_AS _Tp __slots[group_scratch_slots]
      __attribute__((loader_uninitialized));
  return __slots;
}

// The prefix of the values before this work-item's, in local linear order
// (its `before` is false for the first work-item), combined by `op`. Values
// go through the scratch area in chunks of half its slots; each chunk is
// scanned by doubling strides between the halves.
template <int _Dims, typename _Tp, typename _Op>
_Tp prefix_before(group<_Dims> g, _Tp x, _Op op, bool &before) {
  constexpr size_t chunk = group_scratch_slots / 2;
  _Tp *scratch = group_scratch<_Tp>();
  const size_t l = g.get_local_linear_id(), n = g.get_local_linear_range();
  _Tp carry{}, result{};
  for (size_t base = 0; base < n; base += chunk) {
    const size_t m = n - base < chunk ? n - base : chunk;
    const bool mine = l >= base && l - base < chunk;
    const size_t j = l - base;
    _Tp *in = scratch, *out = scratch + chunk;
    if (mine)
      in[j] = x;
    group_barrier(g);
    for (size_t stride = 1; stride < m; stride *= 2) {
      if (mine)
        out[j] = j >= stride ? op(in[j - stride], in[j]) : in[j];
      group_barrier(g);
      _Tp *t = in;
      in = out;
      out = t;
    }
    if (mine && j > 0)
      result = base == 0 ? in[j - 1] : op(carry, in[j - 1]);
    else if (mine && base > 0)
      result = carry;
    carry = base == 0 ? in[m - 1] : op(carry, in[m - 1]);
    group_barrier(g);
  }
  before = l > 0;
  return result;
}
} // namespace detail

// `x` of the work-item whose local linear id is `local_linear_id`.
template <int _Dims, typename _Tp>
_Tp group_broadcast(group<_Dims> g, _Tp x, size_t local_linear_id = 0) {
  detail::check_group_value_type<_Tp>();
  _Tp *scratch = detail::group_scratch<_Tp>();
  if (g.get_local_linear_id() == local_linear_id)
    scratch[0] = x;
  group_barrier(g);
  _Tp result = scratch[0];
  group_barrier(g);
  return result;
}

// op over every work-item's `x`: all slots are filled (chunk by chunk when
// the group has more work-items than slots), then folded by halving strides.
template <int _Dims, typename _Tp, typename _Op>
_Tp reduce_over_group(group<_Dims> g, _Tp x, _Op op) {
  detail::check_group_value_type<_Tp>();
  constexpr size_t slots = detail::group_scratch_slots;
  _Tp *scratch = detail::group_scratch<_Tp>();
  const size_t l = g.get_local_linear_id(), n = g.get_local_linear_range();
  for (size_t base = 0; base < n; base += slots) {
    if (l >= base && l - base < slots)
      scratch[l - base] = base == 0 ? x : op(scratch[l - base], x);
    group_barrier(g);
  }
  const size_t m = n < slots ? n : slots;
  size_t span = 1;
  while (span < m)
    span *= 2;
  for (size_t stride = span / 2; stride > 0; stride /= 2) {
    if (l < stride && l + stride < m)
      scratch[l] = op(scratch[l], scratch[l + stride]);
    group_barrier(g);
  }
  _Tp result = scratch[0];
  group_barrier(g);
  return result;
}

template <int _Dims, typename _Tp, typename _Init, typename _Op>
_Init reduce_over_group(group<_Dims> g, _Tp x, _Init init, _Op op) {
  return op(init, static_cast<_Init>(reduce_over_group(g, x, op)));
}

template <int _Dims, typename _Tp, typename _Init, typename _Op>
_Init exclusive_scan_over_group(group<_Dims> g, _Tp x, _Init init, _Op op) {
  detail::check_group_value_type<_Tp>();
  bool before;
  _Init prefix = detail::prefix_before(g, static_cast<_Init>(x), op, before);
  return before ? op(init, prefix) : init;
}

template <int _Dims, typename _Tp, typename _Op>
_Tp exclusive_scan_over_group(group<_Dims> g, _Tp x, _Op op) {
  return exclusive_scan_over_group(g, x, known_identity<_Op, _Tp>::value, op);
}

template <int _Dims, typename _Tp, typename _Op>
_Tp inclusive_scan_over_group(group<_Dims> g, _Tp x, _Op op) {
  detail::check_group_value_type<_Tp>();
  bool before;
  _Tp prefix = detail::prefix_before(g, x, op, before);
  return before ? op(prefix, x) : x;
}

template <int _Dims, typename _Tp, typename _Op, typename _Init>
_Init inclusive_scan_over_group(group<_Dims> g, _Tp x, _Op op, _Init init) {
  return op(init, static_cast<_Init>(inclusive_scan_over_group(g, x, op)));
}

template <int _Dims> bool any_of_group(group<_Dims> g, bool pred) {
  return reduce_over_group(g, static_cast<int>(pred), logical_or<int>()) != 0;
}
template <int _Dims> bool all_of_group(group<_Dims> g, bool pred) {
  return reduce_over_group(g, static_cast<int>(pred), logical_and<int>()) != 0;
}
template <int _Dims> bool none_of_group(group<_Dims> g, bool pred) {
  return !any_of_group(g, pred);
}

} // namespace dpex
