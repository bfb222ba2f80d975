// What the PTX image's sub-group lowerings share: a sub-group is a warp
// (docs/kernel-language.md, "Sub-groups"), its operations are shfl.sync and
// vote.sync over the warp's lanes that the sub-group has.
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Intrinsics.h"

#include <optional>

namespace dpex {

// An OpenCL built-in's mangled name `_Z<length><Name><Params>`.
struct MangledBuiltin {
  llvm::StringRef Name;   // "sub_group_reduce_add"
  llvm::StringRef Params; // "i"
};
std::optional<MangledBuiltin> demangleBuiltin(llvm::StringRef Mangled);

// The sub-group queries, as the SPIR image calls them, which
// dpex-nvptx-lower-sub-group-queries computes from the warp.
constexpr const char *SubGroupLocalIdBuiltin = "_Z22get_sub_group_local_idv";
constexpr const char *SubGroupSizeBuiltin = "_Z18get_sub_group_sizev";

// A call of the query `Builtin` (one of those above) at `B`.
llvm::Value *callSubGroupQuery(llvm::IRBuilder<> &B, llvm::StringRef Builtin);

// The calling work-item's sub-group as a shfl.sync/vote.sync member mask:
// the warp's lowest get_sub_group_size() lanes.
llvm::Value *subGroupMemberMask(llvm::IRBuilder<> &B);

// `X` (i32, i64, float or double) from lane `Lane` as the 32-bit
// shfl.sync intrinsic `Shuffle` (llvm.nvvm.shfl.sync.*.i32) gives it, with
// `Clamp` as its c operand; 64-bit values as two shuffles.
llvm::Value *warpShuffle(llvm::IRBuilder<> &B, llvm::Intrinsic::ID Shuffle,
                         llvm::Value *Mask, llvm::Value *X, llvm::Value *Lane,
                         unsigned Clamp);

// Whether `T` is a value type the sub-group built-ins are lowered for.
bool isWarpShuffleType(llvm::Type *T);

} // namespace dpex
