// Kernels an image leaves out: the passes that decide it remove them and
// name each with the reason in `!dpex.omitted_kernels`; the image builder
// takes the list out of the module and hands it to the stub, whose launch
// of such a kernel reports `unsupported_image` with that reason.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-omit-kernels"

using namespace llvm;

namespace dpex {

static constexpr const char *OmittedKernelsMD = "dpex.omitted_kernels";

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

unsigned omitKernels(Module &M,
                     function_ref<std::string(Function &Kernel)> ReasonFor) {
  unsigned Omitted = 0;
  for (Function &F : make_early_inc_range(M)) {
    if (F.getCallingConv() != CallingConv::SPIR_KERNEL)
      continue;
    std::string Reason = ReasonFor(F);
    if (Reason.empty())
      continue;
    LLVM_DEBUG(dbgs() << F.getName() << " left out: " << Reason << "\n");
    recordOmittedKernel(M, F.getName(), Reason);
    F.eraseFromParent();
    ++Omitted;
  }
  return Omitted;
}

} // namespace dpex
