// What each work-item of the sub-group kernels writes where, shared by the
// kernels and the host reference.
#pragma once

namespace sub_group_slots {
enum Info {
  LocalId,
  LocalRange,
  MaxLocalRange,
  GroupId,
  GroupRange,
  Leader,
  NumInfo
};
enum Slot {
  Broadcast,
  Select,
  ShiftLeft,
  ShiftRight,
  PermuteXor,
  ReducePlus,
  ReduceOther,
  ReduceMinInit,
  ExclusivePlus,
  ExclusiveOther,
  ExclusiveOtherInit,
  InclusiveMax,
  InclusiveOther,
  InclusivePlusInit,
  Any,
  All,
  None,
  NumSlots
};
} // namespace sub_group_slots
