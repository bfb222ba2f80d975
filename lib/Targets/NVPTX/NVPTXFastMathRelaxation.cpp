// -ffast-math for the PTX image. The round trip through SPIR-V keeps the
// instructions' fast-math flags but not the functions' attributes, so the
// PTX builder relaxes the kernels' own code here, before libdevice and
// libclc are linked: their code stays as written (its double functions rely
// on exact rounding), as with nvcc's -use_fast_math. Float division becomes
// div.approx.ftz, as nvcc's -prec-div=false (square roots come from
// libdevice, told __CUDA_PREC_SQRT=0).
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-relax-fast-math"

using namespace llvm;

STATISTIC(NumRelaxed, "Floating-point operations given all fast-math flags");
STATISTIC(NumApproxDivisions, "Float divisions made div.approx.ftz");

namespace dpex {

PreservedAnalyses NVPTXFastMathRelaxationPass::run(Module &M,
                                                   ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    for (Instruction &I : make_early_inc_range(instructions(F))) {
      if (!isa<FPMathOperator>(I))
        continue;
      I.setFast(true);
      ++NumRelaxed;
      Changed = true;
      if (I.getOpcode() == Instruction::FDiv && I.getType()->isFloatTy()) {
        LLVM_DEBUG(dbgs() << F.getName() << ": " << I
                          << " becomes div.approx.ftz\n");
        IRBuilder<> B(&I);
        Value *Approx = B.CreateIntrinsic(Intrinsic::nvvm_div_approx_ftz_f, {},
                                          {I.getOperand(0), I.getOperand(1)});
        I.replaceAllUsesWith(Approx);
        I.eraseFromParent();
        ++NumApproxDivisions;
      }
    }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
