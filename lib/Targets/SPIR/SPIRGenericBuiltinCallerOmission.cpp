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
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-spir-omit-generic-builtin-callers"

using namespace llvm;

STATISTIC(NumKernelsOmitted, "Kernels left out for a generic built-in call");

namespace dpex {

static constexpr const char *OmittedKernelsMD = "dpex.omitted_kernels";

PreservedAnalyses
SPIRGenericBuiltinCallerOmissionPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    StringRef Generic;
    for (Instruction &I : instructions(F))
      if (auto *Call = dyn_cast<CallInst>(&I))
        if (Function *Callee = Call->getCalledFunction();
            Callee && Callee->getName().contains("PU3AS4")) {
          Generic = Callee->getName();
          break;
        }
    if (Generic.empty())
      continue;
    std::string Reason =
        "it calls the OpenCL built-in '" + Generic.str() +
        "' on a generic pointer (a generic_space atomic whose pointer is "
        "neither provably global nor local), which SPIR 1.2 cannot express";
    LLVM_DEBUG(dbgs() << F.getName() << " left out: " << Reason << "\n");
    recordOmittedKernel(M, F.getName(), Reason);
    F.eraseFromParent();
    ++NumKernelsOmitted;
    Changed = true;
  }
  for (Function &F : make_early_inc_range(M))
    if (F.isDeclaration() && F.use_empty()) {
      F.eraseFromParent();
      Changed = true;
    }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

void recordOmittedKernel(Module &M, StringRef Kernel, StringRef Reason) {
  LLVMContext &Ctx = M.getContext();
  M.getOrInsertNamedMetadata(OmittedKernelsMD)
      ->addOperand(MDNode::get(
          Ctx, {MDString::get(Ctx, Kernel), MDString::get(Ctx, Reason)}));
}

std::vector<OmittedKernel> takeOmittedKernels(Module &M) {
  std::vector<OmittedKernel> Omitted;
  NamedMDNode *MD = M.getNamedMetadata(OmittedKernelsMD);
  if (!MD)
    return Omitted;
  for (MDNode *N : MD->operands())
    Omitted.push_back({cast<MDString>(N->getOperand(0))->getString().str(),
                       cast<MDString>(N->getOperand(1))->getString().str()});
  M.eraseNamedMetadata(MD);
  return Omitted;
}

} // namespace dpex
