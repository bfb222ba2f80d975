// -ffast-math: float denormals flush to zero in all code, libdevice's and
// libclc's included (NVPTX's .ftz forms), as nvcc's -ftz=true, which
// -use_fast_math implies. Runs after the libraries are linked.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-nvptx-flush-float-denormals"

using namespace llvm;

STATISTIC(NumFunctionsFlushing, "Functions made to flush float denormals");

namespace dpex {

PreservedAnalyses NVPTXDenormalFlushPass::run(Module &M,
                                              ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    if (!F.isDeclaration()) {
      F.addFnAttr("denormal-fp-math-f32", "preserve-sign,preserve-sign");
      ++NumFunctionsFlushing;
      Changed = true;
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
