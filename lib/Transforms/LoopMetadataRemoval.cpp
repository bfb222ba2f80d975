// `llvm.loop` metadata dropped before SPIR-V translation:
// SPIRV-LLVM-Translator 15 turns it into an OpLoopMerge that it can place
// before the latch's compare, which the validator rejects (seen at -O1).
// The hints have done their work once the optimiser has run.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-drop-loop-metadata"

using namespace llvm;

STATISTIC(NumLoopMetadataDropped, "Loop metadata attachments dropped");

namespace dpex {

PreservedAnalyses LoopMetadataRemovalPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    for (BasicBlock &BB : F) {
      Instruction *Term = BB.getTerminator();
      if (!Term || !Term->getMetadata(LLVMContext::MD_loop))
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": loop metadata of '" << BB.getName()
                        << "' dropped\n");
      Term->setMetadata(LLVMContext::MD_loop, nullptr);
      ++NumLoopMetadataDropped;
      Changed = true;
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
