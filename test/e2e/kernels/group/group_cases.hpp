// What the work-group algorithm kernels compute, shared by the kernels and
// their host reference: the operations by number, the value each work-item
// contributes and the initial values. The values keep every result exact in
// any order of combination (small integers, products of +-1 and few 2s), so
// device and host results compare equal.
#pragma once

#include <cstddef>

namespace group_cases {

enum Op : int {
  Plus,
  Multiplies,
  Minimum,
  Maximum,
  BitAnd,
  BitOr,
  BitXor,
  LogicalAnd,
  LogicalOr
};

// Per work-item result slots of the kernel group_algorithms.
enum Slot : int {
  Broadcast,
  Reduce,
  ExclusiveScan,
  ExclusiveScanInit,
  InclusiveScan,
  InclusiveScanInit,
  NumSlots
};

// Whether the kernel of `op` fills `slot`. The full suite
// (GROUP_FULL_COVERAGE, scripts/group-algorithms-full.sh) fills every slot.
// The default suite, kept short because PoCL compiles each algorithm call
// once for any work-group size and once per size run, fills the reduction,
// one exclusive and one inclusive scan per operation (with and without an
// initial value in turn, so that each type has all four forms) and, for
// plus, the broadcast.
constexpr bool computes(int op, int slot) {
#ifdef GROUP_FULL_COVERAGE
  return op >= 0 && slot >= 0;
#else
  switch (slot) {
  case Broadcast:
    return op == Plus;
  case ExclusiveScan:
  case InclusiveScanInit:
    return op % 2 == 0;
  case ExclusiveScanInit:
  case InclusiveScan:
    return op % 2 == 1;
  default:
    return true;
  }
#endif
}

template <typename T> T value(int op, std::size_t l) {
  bool is_signed = T(-1) < T(0);
  switch (op) {
  case Multiplies:
    return l % 67 == 5 ? T(2) : (is_signed && l % 5 == 1) ? T(-1) : T(1);
  case Minimum:
  case Maximum:
    return T(int((l * 37) % 101) - (is_signed ? 50 : 0));
  case BitAnd:
  case BitOr:
  case BitXor:
    return T((l * 2654435761u) >> (l % 7));
  case LogicalAnd:
    return T(l % 29 != 11);
  case LogicalOr:
    return T(l % 31 == 17);
  default:
    return T(int((l * 7) % 13) - (is_signed ? 6 : 0));
  }
}

template <typename T> T init(int op) {
  return op == Multiplies                      ? T(2)
         : op == LogicalAnd || op == LogicalOr ? T(1)
                                               : T(3);
}

// The broadcasting work-item of a group of n.
inline std::size_t broadcaster(std::size_t n) { return n / 3; }

} // namespace group_cases
