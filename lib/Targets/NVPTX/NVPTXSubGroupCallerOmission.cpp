// The PTX image's sub-groups are warps of 32 (the sub-group lowerings
// before this pass): a kernel requiring another sub-group size
// (`!intel_reqd_sub_group_size`, DPEX_REQD_SUB_GROUP_SIZE) cannot have it,
// and one still calling a sub-group built-in after those lowerings (one
// they do not know) would leave an undefined call that ptxas refuses. Each
// is left out and named with the reason in `!dpex.omitted_kernels`, which
// the PTX image builder takes out of the module and hands to the stub.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-nvptx-omit-sub-group-callers"

using namespace llvm;

STATISTIC(NumKernelsOmitted,
          "Kernels left out for a sub-group the PTX image lacks");

namespace dpex {

PreservedAnalyses
NVPTXSubGroupCallerOmissionPass::run(Module &M, ModuleAnalysisManager &) {
  unsigned Omitted = omitKernels(M, [](Function &F) {
    std::string Reason;
    if (MDNode *Size = F.getMetadata("intel_reqd_sub_group_size")) {
      uint64_t Required =
          mdconst::extract<ConstantInt>(Size->getOperand(0))->getZExtValue();
      if (Required != 32)
        Reason = "it requires sub-groups of " + std::to_string(Required) +
                 " work-items (DPEX_REQD_SUB_GROUP_SIZE), and the PTX "
                 "image's sub-groups are warps of 32";
    }
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallInst>(&I); Call && Reason.empty())
        if (Function *Callee = Call->getCalledFunction();
            Callee && Callee->isDeclaration() &&
            Callee->getName().contains("sub_group"))
          Reason = "it uses the sub-group operation '" +
                   Callee->getName().str() +
                   "' (an OpenCL built-in), which the PTX image does not "
                   "implement";
    return Reason;
  });
  if (!Omitted)
    return PreservedAnalyses::all();
  NumKernelsOmitted += Omitted;
  for (Function &F : make_early_inc_range(M))
    if (F.isDeclaration() && F.use_empty() && !F.isIntrinsic())
      F.eraseFromParent();
  return PreservedAnalyses::none();
}

} // namespace dpex
