// -ffast-math for the PTX image, stated in the IR where the SPIR image could
// not carry it. SPIR-V 1.0 decorates only the arithmetic instructions (fadd,
// fsub, fmul, fdiv, frem) with FPFastMathMode, so their flags arrive as the
// device code had them and stay as they are; comparisons, negations,
// selects, phis and built-in calls arrive without flags, and get all of them
// from the option. Float divisions whose own flags allow a reciprocal become
// div.approx.ftz, as nvcc's -prec-div=false (square roots come from
// libdevice, told __CUDA_PREC_SQRT=0). Runs before libdevice and libclc are
// linked: their code stays as written (its double functions rely on exact
// rounding), as with nvcc's -use_fast_math.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-fast-math"

using namespace llvm;

STATISTIC(NumGivenFlags,
          "Floating-point operations given the flags SPIR-V cannot carry");
STATISTIC(NumApproxDivisions, "Float divisions made div.approx.ftz");

namespace dpex {
namespace {

// The instructions whose flags SPIR-V's FPFastMathMode carries.
bool flagsTravel(const Instruction &I) { return isa<BinaryOperator>(I); }

} // namespace

PreservedAnalyses NVPTXFastMathLoweringPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration())
      continue;
    for (Instruction &I : make_early_inc_range(instructions(F))) {
      if (!isa<FPMathOperator>(I))
        continue;
      if (!flagsTravel(I)) {
        I.setFast(true);
        ++NumGivenFlags;
        Changed = true;
        continue;
      }
      if (I.getOpcode() != Instruction::FDiv || !I.getType()->isFloatTy() ||
          !I.hasAllowReciprocal())
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": " << I
                        << " becomes div.approx.ftz\n");
      IRBuilder<> B(&I);
      Value *Approx = B.CreateIntrinsic(Intrinsic::nvvm_div_approx_ftz_f, {},
                                        {I.getOperand(0), I.getOperand(1)});
      I.replaceAllUsesWith(Approx);
      I.eraseFromParent();
      ++NumApproxDivisions;
      Changed = true;
    }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
