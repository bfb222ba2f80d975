// Device code has no call stack worth paying for and SPIR 1.2/PTX consumers
// handle flat kernels best, so every user function is inlined into the kernel
// entries and then dropped. Recursion is rejected by the frontend, so the
// inliner always terminates with no calls to user code left.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/IPO/AlwaysInliner.h"
#include "llvm/Transforms/IPO/GlobalDCE.h"

#define DEBUG_TYPE "dpex-inline-device-functions"

using namespace llvm;

STATISTIC(NumFunctionsInlined, "User functions inlined into the kernels");

namespace dpex {

PreservedAnalyses DeviceFunctionInliningPass::run(Module &M,
                                                  ModuleAnalysisManager &AM) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || F.getCallingConv() == CallingConv::SPIR_KERNEL)
      continue;
    F.removeFnAttr(Attribute::NoInline);
    F.removeFnAttr(Attribute::OptimizeNone);
    F.addFnAttr(Attribute::AlwaysInline);
    F.setLinkage(GlobalValue::InternalLinkage);
    F.setComdat(nullptr);
    LLVM_DEBUG(dbgs() << "inlining " << F.getName() << '\n');
    ++NumFunctionsInlined;
    Changed = true;
  }
  if (!Changed)
    return PreservedAnalyses::all();
  ModulePassManager MPM;
  MPM.addPass(AlwaysInlinerPass(/*InsertLifetimeIntrinsics=*/false));
  MPM.addPass(GlobalDCEPass());
  MPM.run(M, AM);
  return PreservedAnalyses::none();
}

} // namespace dpex
