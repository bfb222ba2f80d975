// The sub-group shuffles of the SPIR image become shfl.sync over the
// sub-group's lanes of the warp: intel_sub_group_shuffle (select_from_group
// and the shifts and xor permutation built on it) and sub_group_broadcast
// as shfl.sync.idx, intel_sub_group_shuffle_xor as shfl.sync.bfly. An index
// outside the sub-group reads an unspecified value, as in SYCL.
#include "WarpSubGroup.h"
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-sub-group-shuffles"

using namespace llvm;

STATISTIC(NumShufflesLowered, "Sub-group shuffles made shfl.sync");

namespace dpex {

PreservedAnalyses
NVPTXSubGroupShuffleLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    std::optional<MangledBuiltin> Builtin = demangleBuiltin(F.getName());
    if (!Builtin || !F.isDeclaration() || F.arg_size() != 2 ||
        !isWarpShuffleType(F.getReturnType()) ||
        F.getArg(0)->getType() != F.getReturnType() ||
        !F.getArg(1)->getType()->isIntegerTy(32))
      continue;
    Intrinsic::ID Shuffle;
    if (Builtin->Name == "intel_sub_group_shuffle" ||
        Builtin->Name == "sub_group_broadcast")
      Shuffle = Intrinsic::nvvm_shfl_sync_idx_i32;
    else if (Builtin->Name == "intel_sub_group_shuffle_xor")
      Shuffle = Intrinsic::nvvm_shfl_sync_bfly_i32;
    else
      continue;
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                        << " becomes shfl.sync\n");
      ++NumShufflesLowered;
      Value *Mask = subGroupMemberMask(B);
      return warpShuffle(B, Shuffle, Mask, Call.getArgOperand(0),
                         Call.getArgOperand(1), /*Clamp=*/0x1f);
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
