// LLVM `fence` instructions (from dpex::atomic_fence) become `membar.gl`:
// the NVPTX backend of LLVM 15 cannot select `fence`, and a device-wide
// barrier orders at least as much as any fence a kernel asks for.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Intrinsics.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-fences"

using namespace llvm;

STATISTIC(NumFencesLowered, "Fences turned into membar.gl");

namespace dpex {

PreservedAnalyses NVPTXFenceLoweringPass::run(Module &M,
                                              ModuleAnalysisManager &) {
  Function *Membar = nullptr;
  for (Function &F : M)
    for (Instruction &I : make_early_inc_range(instructions(F))) {
      auto *Fence = dyn_cast<FenceInst>(&I);
      if (!Fence)
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": " << *Fence
                        << " becomes membar.gl\n");
      if (!Membar)
        Membar = Intrinsic::getDeclaration(&M, Intrinsic::nvvm_membar_gl);
      CallInst::Create(Membar, "", Fence);
      Fence->eraseFromParent();
      ++NumFencesLowered;
    }
  return Membar ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
