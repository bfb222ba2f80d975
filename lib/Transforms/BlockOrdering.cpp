// SPIR-V requires every block to appear after the blocks that dominate it;
// LLVM's layout carries no such rule, and loops with early exits, once
// optimised, often break it (spirv-val: "Block ... appears in the binary
// before its dominator"). The translator writes blocks in layout order, so
// each function's blocks are laid out in reverse post-order, which visits a
// block's dominators first. Unreachable blocks keep their relative order at
// the end.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-order-blocks"

using namespace llvm;

STATISTIC(NumBlocksMoved, "Blocks moved after their dominators");

namespace dpex {

static bool orderBlocks(Function &F) {
  bool Changed = false;
  BasicBlock *Prev = nullptr;
  for (BasicBlock *BB : ReversePostOrderTraversal<Function *>(&F)) {
    if (Prev && BB->getPrevNode() != Prev) {
      LLVM_DEBUG(dbgs() << F.getName() << ": moving " << BB->getName()
                        << " after " << Prev->getName() << '\n');
      BB->moveAfter(Prev);
      ++NumBlocksMoved;
      Changed = true;
    }
    Prev = BB;
  }
  return Changed;
}

PreservedAnalyses BlockOrderingPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M)
    if (!F.isDeclaration())
      Changed |= orderBlocks(F);
  if (!Changed)
    return PreservedAnalyses::all();
  // Only the layout changed, which no analysis depends on.
  PreservedAnalyses PA;
  PA.preserveSet<CFGAnalyses>();
  return PA;
}

} // namespace dpex
