// OpenCL's clz, ctz and popcount on a scalar integer become LLVM's ctlz,
// cttz and ctpop: libclc's nvptx library lacks ctz (OpenCL 2.0), and NVPTX
// selects the intrinsics of all three directly (clz and ctz of 0 are the
// width, as in OpenCL).
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-bit-counts"

using namespace llvm;

STATISTIC(NumBitCountsLowered, "Bit count built-in calls made intrinsics");

namespace dpex {

PreservedAnalyses NVPTXBitCountLoweringPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    StringRef Name = F.getName();
    Intrinsic::ID ID = Name.startswith("_Z3clz")   ? Intrinsic::ctlz
                       : Name.startswith("_Z3ctz") ? Intrinsic::cttz
                       : Name.startswith("_Z8popcount")
                           ? Intrinsic::ctpop
                           : Intrinsic::not_intrinsic;
    if (ID == Intrinsic::not_intrinsic || !F.isDeclaration() ||
        F.arg_size() != 1 || !F.getReturnType()->isIntegerTy() ||
        F.getArg(0)->getType() != F.getReturnType())
      continue;
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                        << " becomes an intrinsic\n");
      ++NumBitCountsLowered;
      SmallVector<Value *, 2> Args = {Call.getArgOperand(0)};
      if (ID != Intrinsic::ctpop)
        Args.push_back(B.getFalse());
      return B.CreateIntrinsic(ID, {F.getReturnType()}, Args);
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
