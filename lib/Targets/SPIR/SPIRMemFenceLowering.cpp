// The SPIR-V reader turns OpMemoryBarrier (dpex::atomic_fence) into OpenCL
// 1.2's `mem_fence(flags)`, which PoCL 3's kernel library does not define
// (it has only the `_cl_mem_fence` its own headers map to). A sequentially
// consistent LLVM fence orders at least as much and every SPIR consumer
// compiles it.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-spir-lower-mem-fences"

using namespace llvm;

STATISTIC(NumMemFencesLowered, "mem_fence calls turned into fences");

namespace dpex {

PreservedAnalyses SPIRMemFenceLoweringPass::run(Module &M,
                                                ModuleAnalysisManager &) {
  Function *MemFence = M.getFunction("_Z9mem_fencej");
  if (!MemFence)
    return PreservedAnalyses::all();
  rewriteCalls(*MemFence, [&](IRBuilder<> &B, [[maybe_unused]] CallInst &Call) {
    LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                      << " becomes a seq_cst fence\n");
    ++NumMemFencesLowered;
    return B.CreateFence(AtomicOrdering::SequentiallyConsistent);
  });
  return PreservedAnalyses::none();
}

} // namespace dpex
