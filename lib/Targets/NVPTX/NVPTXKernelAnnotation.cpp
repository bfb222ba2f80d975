// Makes the module an NVPTX module: NVPTX's triple and data layout, the C
// calling convention in place of SPIR's, and kernels marked in
// !nvvm.annotations, which is how NVPTX tells an entry point from a device
// function. It runs after every NVPTX lowering that rebuilds a kernel (the
// annotation names the function itself). Global (1) and shared/local (3)
// spaces keep their numbers on NVPTX.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-annotate-kernels"

using namespace llvm;

STATISTIC(NumKernelsAnnotated, "Kernels marked in !nvvm.annotations");
STATISTIC(NumCallingConvsChanged,
          "Functions and calls moved from SPIR calling conventions to C");

namespace dpex {

PreservedAnalyses NVPTXKernelAnnotationPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  LLVMContext &Ctx = M.getContext();
  M.setTargetTriple("nvptx64-nvidia-cuda");
  M.setDataLayout("e-i64:64-i128:128-v16:16-v32:32-n16:32:64");

  NamedMDNode *Annotations = M.getOrInsertNamedMetadata("nvvm.annotations");
  for (Function &F : M) {
    if (F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    LLVM_DEBUG(dbgs() << "annotating kernel " << F.getName() << '\n');
    F.setCallingConv(CallingConv::C);
    Annotations->addOperand(MDNode::get(
        Ctx,
        {ValueAsMetadata::get(&F), MDString::get(Ctx, "kernel"),
         ConstantAsMetadata::get(ConstantInt::get(Type::getInt32Ty(Ctx), 1))}));
    ++NumKernelsAnnotated;
  }
  for (Function &F : M) {
    if (F.getCallingConv() == CallingConv::SPIR_FUNC) {
      F.setCallingConv(CallingConv::C);
      ++NumCallingConvsChanged;
    }
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallBase>(&I);
          Call && Call->getCallingConv() == CallingConv::SPIR_FUNC) {
        Call->setCallingConv(CallingConv::C);
        ++NumCallingConvsChanged;
      }
  }
  return PreservedAnalyses::none();
}

} // namespace dpex
