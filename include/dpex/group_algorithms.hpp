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

// Non-zero where the image being produced has sub-groups that are warps
// (the PTX image): the work-group algorithms then combine sub-group
// results. Declared only; the compiler answers it for each image before
// inlining (lib/Transforms/WarpQueryResolution.cpp). A variable, not a
// call: read in a switch, it names no value, so the code around it keeps
// the names it has without it.
extern "C" const int __dpex_image_has_warp_sub_groups;

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
// The scratch area holds one value per block of work-items (a block is one
// work-item unless the group has more work-items than slots), grouped in
// lanes of lane_width consecutive blocks; then, for a scan, each block's
// prefix within its lane; then one partial result per lane. A lane's blocks
// lie `lanes` slots apart (block b in slot (b % width) * lanes + b / width):
// the lanes are combined by work-items 0, 1, ..., one lane each, so every
// step reads consecutive slots. CPU compilers that run work-items as SIMD
// lanes (Intel's OpenCL runtime, PoCL) make those steps vector loads. With
// a lane's blocks adjacent they were gathers, and a scan combined up to
// lane_width slots per work-item: 0.06x a local-memory scan on Intel's.
constexpr size_t group_scratch_slots = 512;
constexpr size_t group_scratch_lane_width = 32;
constexpr size_t group_scratch_lanes =
    group_scratch_slots / group_scratch_lane_width;

template <typename _Tp> void check_group_value_type() {
  static_assert(__is_arithmetic(_Tp),
                "dpex work-group algorithms take arithmetic values");
}

// One scratch area per work-group and value type, reserved in the image
// (a static work-group variable), so no launch has to size it.
template <typename _Tp> _Tp *group_scratch() {
  static DPEX_LOCAL_AS _Tp
      __slots[2 * group_scratch_slots + group_scratch_lanes]
      __attribute__((loader_uninitialized));
  return __slots;
}

// The warp-then-block forms (<dpex/sub_group_algorithms.hpp>), which the
// image whose sub-groups are warps runs instead: each sub-group combines
// its values with sub-group operations, one sub-group the sub-groups'
// totals in local memory.
// Arguments by reference (copies would name temporaries in the caller);
// each returns through its last parameter, and is reached by a jump from a
// switch at the top to the end of the function: the dispatch names no value
// and references the warp path after the local-memory code, so that the
// other images' answer (0) leaves that code exactly as it is without it.
template <int _Dims, typename _Tp, typename _Op>
void warp_reduce(const group<_Dims> &g, const _Tp &x, const _Op &op, _Tp &out);
template <int _Dims, typename _Tp, typename _Op>
void warp_prefix_before(const group<_Dims> &g, const _Tp &x, const _Op &op,
                        bool &before, _Tp &out);

// op over s[first], ..., s[last - 1], first < last, in that order.
template <typename _Tp, typename _Op>
_Tp fold_slots(const _Tp *s, size_t first, size_t last, _Op op) {
  _Tp r = s[first];
  for (size_t i = first + 1; i < last; ++i)
    r = op(r, s[i]);
  return r;
}

// Where gather_blocks left this work-item's value, and what it read back.
template <typename _Tp> struct group_block {
  size_t lanes;        // lanes in use
  size_t index;        // this work-item's block
  size_t slot;         // the block's value slot
  bool first;          // first work-item of its block
  _Tp before_in_block; // op over the block's values before this one's
};

// Combines each block's values into its slot, each lane's blocks into the
// lane's slot and, for a scan (`in_lane`), each block's prefix within its
// lane; at most lane_width + lanes values are combined serially by any
// work-item. The blocks take turns, one barrier a turn: one turn unless the
// group has more work-items than slots; then one barrier before the lane
// slots are read. No call ends with a barrier: a work-item writes value
// slots in its next call only after passing this call's last barrier (all
// value slots read), prefix and lane slots only after that call's first
// barrier (all of them read). Barriers are straight-line code or in a
// do-while loop: SPMD-on-CPU compilers (PoCL) compile a barrier under a
// branch, or in a loop that may run zero times, many times slower.
template <int _Dims, typename _Tp, typename _Op>
group_block<_Tp> gather_blocks(group<_Dims> g, _Tp x, _Op op, bool in_lane) {
  constexpr size_t slots = group_scratch_slots,
                   width = group_scratch_lane_width,
                   lanes = group_scratch_lanes;
  _Tp *s = group_scratch<_Tp>();
  const size_t l = g.get_local_linear_id(), n = g.get_local_linear_range();
  const size_t per_block = (n + slots - 1) / slots;
  // One block a work-item is the common case: no division by per_block.
  const bool single = per_block == 1;
  const size_t blocks = single ? n : (n + per_block - 1) / per_block;
  const size_t index = single ? l : l / per_block;
  const size_t turn_of = single ? 0 : l % per_block;
  group_block<_Tp> b{(blocks + width - 1) / width, index,
                     index % width * lanes + index / width, turn_of == 0,
                     _Tp{}};
  size_t turn = 0;
  do {
    if (turn == turn_of && b.first)
      s[b.slot] = x;
    else if (turn == turn_of) {
      b.before_in_block = s[b.slot];
      s[b.slot] = op(b.before_in_block, x);
    }
    group_barrier(g);
  } while (++turn < per_block);
  if (l < b.lanes) {
    const size_t count =
        blocks - l * width < width ? blocks - l * width : width;
    _Tp r = s[l];
    for (size_t j = 1; j < count; ++j) {
      if (in_lane)
        s[slots + j * lanes + l] = r;
      r = op(r, s[j * lanes + l]);
    }
    s[2 * slots + l] = r;
  }
  group_barrier(g);
  return b;
}

// The op over the values before this work-item's, in local linear order
// (`before` is false for the first work-item, which has none).
template <int _Dims, typename _Tp, typename _Op>
_Tp prefix_before(group<_Dims> g, _Tp x, _Op op, bool &before) {
  switch (__dpex_image_has_warp_sub_groups) {
  case 1:
    goto __warp_path;
  }
  {
    constexpr size_t slots = group_scratch_slots,
                     width = group_scratch_lane_width;
    const _Tp *s = group_scratch<_Tp>();
    group_block<_Tp> b = gather_blocks(g, x, op, true);
    const size_t lane = b.index / width;
    _Tp result{};
    before = false;
    if (lane > 0) {
      result = fold_slots(s, 2 * slots, 2 * slots + lane, op);
      before = true;
    }
    if (b.index % width > 0) {
      result = before ? op(result, s[slots + b.slot]) : s[slots + b.slot];
      before = true;
    }
    if (!b.first) {
      result = before ? op(result, b.before_in_block) : b.before_in_block;
      before = true;
    }
    return result;
  }
__warp_path:
  warp_prefix_before(g, x, op, before, x);
  return x;
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

// op over every work-item's `x`: blocks, then lanes, then the lanes' results.
template <int _Dims, typename _Tp, typename _Op>
_Tp reduce_over_group(group<_Dims> g, _Tp x, _Op op) {
  detail::check_group_value_type<_Tp>();
  switch (__dpex_image_has_warp_sub_groups) {
  case 1:
    goto __warp_path;
  }
  {
    constexpr size_t lanes_at = 2 * detail::group_scratch_slots;
    const _Tp *s = detail::group_scratch<_Tp>();
    detail::group_block<_Tp> b = detail::gather_blocks(g, x, op, false);
    return detail::fold_slots(s, lanes_at, lanes_at + b.lanes, op);
  }
__warp_path:
  detail::warp_reduce(g, x, op, x);
  return x;
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
