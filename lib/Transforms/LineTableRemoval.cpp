// Without -g, the line tables dpexc keeps for its own diagnostics (a call
// left unresolved is reported at its source line) go before any output:
// the debug info and the module flags that announce it.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-strip-line-tables"

using namespace llvm;

namespace dpex {

PreservedAnalyses LineTableRemovalPass::run(Module &M,
                                            ModuleAnalysisManager &) {
  bool Changed = StripDebugInfo(M);
  NamedMDNode *Flags = M.getModuleFlagsMetadata();
  if (!Flags)
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  SmallVector<MDNode *, 4> Kept;
  for (MDNode *Flag : Flags->operands()) {
    auto *Key = dyn_cast<MDString>(Flag->getOperand(1));
    if (!Key || (Key->getString() != "Dwarf Version" &&
                 Key->getString() != "Debug Info Version"))
      Kept.push_back(Flag);
  }
  Changed |= Kept.size() != Flags->getNumOperands();
  Flags->clearOperands();
  for (MDNode *Flag : Kept)
    Flags->addOperand(Flag);
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
