// The SPIR image runs on exact grids: its item kernels' range guards are
// folded away, because PoCL 3 compiles SPIR without the target features its
// work-item loop vectorizer needs for a conditional body, and a guarded
// kernel ran 2-3x slower there.
//
// KernelABILowering's guard compares each backend dimension's global id with
// the trailing argument `__dpex_range<d>` (dpex dimension d is backend
// dimension N-1-d). On an exact grid every id is below its range, which
// decides each unsigned comparison of the two; what the optimizer turned
// into another shape stays, and is still correct, only slower.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-spir-fold-range-guards"

using namespace llvm;

STATISTIC(NumRangeGuardsFolded, "Range guard comparisons folded");

namespace dpex {

// Whether `V` is get_global_id(Dim) (the reader's OpenCL 1.2 name).
static bool isGlobalId(Value *V, unsigned Dim) {
  auto *Call = dyn_cast<CallInst>(V);
  Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  if (!Callee || Callee->getName() != "_Z13get_global_idj")
    return false;
  auto *Arg = dyn_cast<ConstantInt>(Call->getArgOperand(0));
  return Arg && Arg->getZExtValue() == Dim;
}

PreservedAnalyses SPIRRangeGuardFoldingPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    SmallVector<Argument *, 3> Range;
    for (Argument &A : F.args())
      if (A.getName() == "__dpex_range" + std::to_string(Range.size()))
        Range.push_back(&A);
    for (unsigned D = 0; D < Range.size(); ++D) {
      Argument *R = Range[D];
      unsigned BackendDim = Range.size() - 1 - D;
      for (User *U : make_early_inc_range(R->users())) {
        auto *Cmp = dyn_cast<ICmpInst>(U);
        if (!Cmp || (!Cmp->isEquality() && !Cmp->isUnsigned()))
          continue;
        // As `id <pred> range`.
        CmpInst::Predicate Pred = Cmp->getPredicate();
        if (Cmp->getOperand(0) == R)
          Pred = CmpInst::getSwappedPredicate(Pred);
        Value *Id = Cmp->getOperand(Cmp->getOperand(0) == R ? 1 : 0);
        if (!isGlobalId(Id, BackendDim))
          continue;
        bool Holds = Pred == CmpInst::ICMP_ULT || Pred == CmpInst::ICMP_ULE ||
                     Pred == CmpInst::ICMP_NE;
        LLVM_DEBUG(dbgs() << F.getName() << ": " << *Cmp << " is "
                          << (Holds ? "true" : "false") << "\n");
        Cmp->replaceAllUsesWith(ConstantInt::getBool(M.getContext(), Holds));
        Cmp->eraseFromParent();
        ++NumRangeGuardsFolded;
        Changed = true;
      }
    }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
