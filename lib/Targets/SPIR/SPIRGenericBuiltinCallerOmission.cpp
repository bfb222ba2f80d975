// SPIR 1.2 has no generic address space, so OpenCL 1.2 has no built-in on a
// generic pointer: a kernel that still calls one (a generic-space atomic
// whose pointer is neither provably global nor local, which
// dpex-specialize-generic-atomics left alone) would make the whole module
// fail to build on a SPIR consumer. It is left out instead, and named with
// the reason in `!dpex.omitted_kernels`, which the SPIR image builder takes
// out of the module and hands to the stub.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-spir-omit-generic-builtin-callers"

using namespace llvm;

STATISTIC(NumKernelsOmitted, "Kernels left out for a generic built-in call");

namespace dpex {

PreservedAnalyses
SPIRGenericBuiltinCallerOmissionPass::run(Module &M, ModuleAnalysisManager &) {
  unsigned Omitted = omitKernels(M, [](Function &F) -> std::string {
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallInst>(&I))
        if (Function *Callee = Call->getCalledFunction();
            Callee && Callee->getName().contains("PU3AS4"))
          return "it calls the OpenCL built-in '" + Callee->getName().str() +
                 "' on a generic pointer (a generic_space atomic whose "
                 "pointer is neither provably global nor local), which SPIR "
                 "1.2 cannot express";
    return "";
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
