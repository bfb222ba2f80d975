// PoCL, the SPIR image's consumer, has no sub-groups (its CPU device reports
// none): a kernel using a sub-group operation, read back as an OpenCL 2.0
// `sub_group_*`, `get_sub_group_*` or `intel_sub_group_*` built-in, would
// make the whole module fail to build; one requiring a sub-group size
// (`!intel_reqd_sub_group_size`) cannot have it. It is left out instead,
// and named with the reason in `!dpex.omitted_kernels`, as
// dpex-spir-omit-generic-builtin-callers does. The PTX image derives from
// the module before this pass, and lowers sub-groups to warps.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-spir-omit-sub-group-callers"

using namespace llvm;

STATISTIC(NumKernelsOmitted, "Kernels left out for a sub-group operation");

namespace dpex {

PreservedAnalyses SPIRSubGroupCallerOmissionPass::run(Module &M,
                                                      ModuleAnalysisManager &) {
  unsigned Omitted = omitKernels(M, [](Function &F) {
    std::string Reason;
    if (MDNode *Size = F.getMetadata("intel_reqd_sub_group_size"))
      Reason = "it requires sub-groups of " +
               std::to_string(mdconst::extract<ConstantInt>(Size->getOperand(0))
                                  ->getZExtValue()) +
               " work-items (DPEX_REQD_SUB_GROUP_SIZE)";
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallInst>(&I); Call && Reason.empty())
        if (Function *Callee = Call->getCalledFunction();
            Callee && Callee->getName().contains("sub_group"))
          Reason = "it uses a sub-group operation (the OpenCL built-in '" +
                   Callee->getName().str() + "')";
    if (!Reason.empty())
      Reason += ", which the SPIR image does not implement (PoCL has no "
                "sub-groups)";
    return Reason;
  });
  NumKernelsOmitted += Omitted;
  bool Changed = Omitted != 0;
  for (Function &F : make_early_inc_range(M))
    if (F.isDeclaration() && F.use_empty()) {
      F.eraseFromParent();
      Changed = true;
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
