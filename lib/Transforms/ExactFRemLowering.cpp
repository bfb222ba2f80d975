// NVPTX expands `frem` (what fmod becomes) as x - y*trunc(x/y) with two
// roundings, which is not the exact result fmod must return. This pass
// computes it with one FMA instead; the PTX target runs it after linking
// libclc, whose fmod is an `frem`.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-lower-exact-frem"

using namespace llvm;

STATISTIC(NumFRemsLowered, "frem instructions computed with an FMA");

namespace dpex {

// fmod is exact: with q = trunc(x/y), x - q*y is representable, so one FMA
// gives it exactly; when x/y rounded to the neighbouring integer, one step
// of |y| brings the remainder back into range with x's sign, which a
// zero remainder takes too.
PreservedAnalyses ExactFRemLoweringPass::run(Module &M,
                                             ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    for (Instruction &I : make_early_inc_range(instructions(F))) {
      auto *Rem = dyn_cast<BinaryOperator>(&I);
      if (!Rem || Rem->getOpcode() != Instruction::FRem ||
          Rem->getType()->isVectorTy())
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": " << *Rem << '\n');
      IRBuilder<> B(Rem);
      Value *X = Rem->getOperand(0), *Y = Rem->getOperand(1);
      Type *T = Rem->getType();
      Value *Q = B.CreateUnaryIntrinsic(Intrinsic::trunc, B.CreateFDiv(X, Y));
      Value *R =
          B.CreateIntrinsic(Intrinsic::fma, {T}, {B.CreateFNeg(Q), Y, X});
      Value *AbsY = B.CreateUnaryIntrinsic(Intrinsic::fabs, Y);
      Value *Step = B.CreateBinaryIntrinsic(Intrinsic::copysign, AbsY, X);
      Value *TooBig =
          B.CreateFCmpOGE(B.CreateUnaryIntrinsic(Intrinsic::fabs, R), AbsY);
      R = B.CreateSelect(TooBig, B.CreateFSub(R, Step), R);
      Value *Zero = ConstantFP::get(T, 0.0);
      Value *WrongSign = B.CreateAnd(
          B.CreateFCmpONE(R, Zero),
          B.CreateICmpNE(B.CreateIsNeg(B.CreateBitCast(
                             R, B.getIntNTy(T->getPrimitiveSizeInBits()))),
                         B.CreateIsNeg(B.CreateBitCast(
                             X, B.getIntNTy(T->getPrimitiveSizeInBits())))));
      R = B.CreateSelect(WrongSign, B.CreateFAdd(R, Step), R);
      // A zero remainder has x's sign as well (fmod(-3, 1.5) is -0), where
      // the FMA's exact cancellation and the steps above give +0.
      R = B.CreateBinaryIntrinsic(Intrinsic::copysign, R, X);
      // fmod(finite x, ±inf) is x; the FMA would give NaN from 0 * inf.
      Value *Inf = ConstantFP::getInfinity(T);
      Value *XFinite =
          B.CreateFCmpOLT(B.CreateUnaryIntrinsic(Intrinsic::fabs, X), Inf);
      R = B.CreateSelect(B.CreateAnd(XFinite, B.CreateFCmpOEQ(AbsY, Inf)), X,
                         R);
      Rem->replaceAllUsesWith(R);
      Rem->eraseFromParent();
      ++NumFRemsLowered;
      Changed = true;
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
