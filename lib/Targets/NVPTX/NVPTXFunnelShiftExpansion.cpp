// 64-bit llvm.fshl/llvm.fshr become explicit shifts. LLVM 15's NVPTX backend
// selects a 64-bit rotate (a funnel shift of one value) as shr/shl by the
// amount and 64 minus it, unmasked: PTX clamps shifts of 64 or more, so an
// amount of 64 or more (taken modulo 64 by the intrinsic) gives 0 or a wrong
// value. The form below masks both amounts and shifts the far operand by one
// first, which the DAG does not match back into a rotate; run it after the
// IR optimiser, which would.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-expand-funnel-shifts"

using namespace llvm;

STATISTIC(NumFunnelShiftsExpanded, "64-bit funnel shifts made shifts");

namespace dpex {

PreservedAnalyses NVPTXFunnelShiftExpansionPass::run(Module &M,
                                                     ModuleAnalysisManager &) {
  SmallVector<IntrinsicInst *, 8> Shifts;
  for (Function &F : M)
    if (F.getIntrinsicID() == Intrinsic::fshl ||
        F.getIntrinsicID() == Intrinsic::fshr)
      if (F.getReturnType()->isIntegerTy(64))
        for (User *U : F.users())
          if (auto *II = dyn_cast<IntrinsicInst>(U))
            Shifts.push_back(II);
  for (IntrinsicInst *II : Shifts) {
    LLVM_DEBUG(dbgs() << II->getFunction()->getName() << ": " << *II
                      << " becomes shifts\n");
    IRBuilder<> B(II);
    Value *Hi = II->getArgOperand(0), *Lo = II->getArgOperand(1),
          *Amount = II->getArgOperand(2);
    Value *Near = B.CreateAnd(Amount, 63);
    Value *Far = B.CreateAnd(B.CreateNot(Amount), 63);
    // fshl: (Hi << s) | ((Lo >> 1) >> (63 - s)); fshr mirrors it. Both are
    // exact at s == 0, where the far part is 0.
    bool Left = II->getIntrinsicID() == Intrinsic::fshl;
    Value *NearPart = Left ? B.CreateShl(Hi, Near) : B.CreateLShr(Lo, Near);
    Value *FarOne = Left ? B.CreateLShr(Lo, 1) : B.CreateShl(Hi, 1);
    Value *FarPart =
        Left ? B.CreateLShr(FarOne, Far) : B.CreateShl(FarOne, Far);
    Value *New = B.CreateOr(NearPart, FarPart);
    New->takeName(II);
    II->replaceAllUsesWith(New);
    II->eraseFromParent();
    ++NumFunnelShiftsExpanded;
  }
  return Shifts.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

} // namespace dpex
