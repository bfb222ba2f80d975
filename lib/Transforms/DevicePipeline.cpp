// The order of the device pipeline, and the registry of its passes behind
// dpex-opt.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/IPO/GlobalDCE.h"

using namespace llvm;

namespace dpex {

static void registerDpexPasses(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
#define DPEX_MODULE_PASS(NAME, CREATE)                                         \
  if (Name == NAME) {                                                          \
    MPM.addPass(CREATE);                                                       \
    return true;                                                               \
  }
#include "PassRegistry.def"
        return false;
      });
}

Error buildPipelineFromText(PassBuilder &PB, ModulePassManager &MPM,
                            StringRef Pipeline) {
  registerDpexPasses(PB);
  return PB.parsePassPipeline(MPM, Pipeline);
}

static OptimizationLevel toLevel(unsigned OptLevel) {
  switch (OptLevel) {
  case 0:
    return OptimizationLevel::O0;
  case 1:
    return OptimizationLevel::O1;
  case 2:
    return OptimizationLevel::O2;
  default:
    return OptimizationLevel::O3;
  }
}

Error runDevicePipeline(Module &M, unsigned OptLevel, bool WarpSubGroups) {
  cantFail(runModulePasses(M, [&](PassBuilder &PB, ModulePassManager &MPM) {
    // Before inlining: the path not taken never meets the optimiser.
    MPM.addPass(WarpQueryResolutionPass(WarpSubGroups));
    MPM.addPass(KernelABILoweringPass());
    // Before inlining: the helpers inline like user code.
    MPM.addPass(ComplexArithmeticLoweringPass());
    MPM.addPass(IndexBuiltinLoweringPass());
    MPM.addPass(DeviceFunctionInliningPass());
    MPM.addPass(AddressSpaceInferencePass());
    if (OptLevel > 0) {
      MPM.addPass(PB.buildPerModuleDefaultPipeline(toLevel(OptLevel)));
      // Optimisation can expose new generic pointers to a known space.
      MPM.addPass(AddressSpaceInferencePass());
    }
    // After every InstCombine, which forms some of these calls and
    // intrinsics.
    MPM.addPass(LibCallLoweringPass());
    MPM.addPass(IntrinsicLoweringPass());
    // Once every pointer's space is as known as it gets.
    MPM.addPass(GenericAtomicSpecializationPass());
    // Once kernels are flat, each format is a constant over its literal.
    MPM.addPass(PrintfLoweringPass());
    // Last, so that it also sees the math intrinsics the optimiser formed.
    MPM.addPass(MathBuiltinLoweringPass());
    // After every pass that can form them: what the translator cannot take.
    MPM.addPass(SPIRVLegalizationPass());
    MPM.addPass(IntegerWidthLegalizationPass());
    MPM.addPass(GlobalDCEPass());
    MPM.addPass(BlockOrderingPass());
    return Error::success();
  }));

  std::string Broken;
  raw_string_ostream OS(Broken);
  if (verifyModule(M, &OS))
    return createStringError(inconvertibleErrorCode(),
                             "device pipeline produced invalid IR: " +
                                 OS.str());
  return checkResolvedCalls(M, CallConsumer::SPIRV);
}

} // namespace dpex
