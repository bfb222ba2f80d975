// sub_group_any and sub_group_all (any_of_group, all_of_group and
// none_of_group) become vote.sync.any/all over the sub-group's lanes of the
// warp.
#include "WarpSubGroup.h"
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-sub-group-votes"

using namespace llvm;

STATISTIC(NumVotesLowered, "Sub-group votes made vote.sync");

namespace dpex {

PreservedAnalyses NVPTXSubGroupVoteLoweringPass::run(Module &M,
                                                     ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    std::optional<MangledBuiltin> Builtin = demangleBuiltin(F.getName());
    if (!Builtin || !F.isDeclaration() || F.arg_size() != 1 ||
        !F.getReturnType()->isIntegerTy(32) ||
        !F.getArg(0)->getType()->isIntegerTy(32))
      continue;
    Intrinsic::ID Vote;
    if (Builtin->Name == "sub_group_any")
      Vote = Intrinsic::nvvm_vote_any_sync;
    else if (Builtin->Name == "sub_group_all")
      Vote = Intrinsic::nvvm_vote_all_sync;
    else
      continue;
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                        << " becomes vote.sync\n");
      ++NumVotesLowered;
      Value *Mask = subGroupMemberMask(B);
      Value *Pred = B.CreateIsNotNull(Call.getArgOperand(0));
      Value *Voted = B.CreateIntrinsic(Vote, {}, {Mask, Pred});
      return B.CreateZExt(Voted, B.getInt32Ty());
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
