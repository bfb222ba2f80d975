// The order of the NVPTX lowerings, and the registry of the image builders'
// passes behind dpex-opt.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/Passes/PassBuilder.h"

using namespace llvm;

namespace dpex {

void registerTargetPasses(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
#define DPEX_TARGET_PASS(NAME, CREATE, OPAQUE)                                 \
  if (Name == NAME) {                                                          \
    MPM.addPass(CREATE);                                                       \
    return true;                                                               \
  }
#include "TargetPassRegistry.def"
        return false;
      });
}

std::optional<bool> targetPassUsesOpaquePointers(StringRef Name) {
#define DPEX_TARGET_PASS(NAME, CREATE, OPAQUE)                                 \
  if (Name == NAME)                                                            \
    return OPAQUE;
#include "TargetPassRegistry.def"
  return std::nullopt;
}

void addNVPTXLoweringPasses(ModulePassManager &MPM, unsigned Arch) {
  // The queries last: the other sub-group lowerings call them. The omission
  // after them all, before anything reads the kernels' parameters.
  MPM.addPass(NVPTXSubGroupShuffleLoweringPass());
  MPM.addPass(NVPTXSubGroupVoteLoweringPass());
  MPM.addPass(NVPTXSubGroupCollectiveLoweringPass(Arch));
  MPM.addPass(NVPTXSubGroupQueryLoweringPass());
  MPM.addPass(NVPTXSubGroupCallerOmissionPass());
  MPM.addPass(NVPTXLocalParamLoweringPass());
  MPM.addPass(NVPTXFenceLoweringPass());
  MPM.addPass(NVPTXAtomicLoweringPass());
  // After the passes that read SPIR's numbers in built-ins' mangled names
  // (the atomics') and before those that write NVPTX's (printf's strings).
  MPM.addPass(NVPTXAddressSpaceMappingPass());
  MPM.addPass(NVPTXPrintfLoweringPass());
  MPM.addPass(NVPTXMinMaxNaNLoweringPass());
  MPM.addPass(NVPTXLdexpNaNLoweringPass());
  // Last: it names the kernels, which the local parameter lowering rebuilds.
  MPM.addPass(NVPTXKernelAnnotationPass());
}

} // namespace dpex
