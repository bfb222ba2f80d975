// Clang's SYCL device mode makes every C++ pointer generic. Once kernels are
// flat, most generic pointers provably come from one kernel parameter or
// alloca; rewriting them to that space gives SPIR 1.2 consumers (which have
// no generic space) a module they accept, and every consumer cheaper loads.
// Locals are promoted first: a pointer spilled to an alloca hides its origin.
#include "dpex/Transforms.h"

#include "llvm/IR/Module.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/InferAddressSpaces.h"
#include "llvm/Transforms/Scalar/SROA.h"

using namespace llvm;

namespace dpex {

PreservedAnalyses AddressSpaceInferencePass::run(Module &M,
                                                 ModuleAnalysisManager &AM) {
  FunctionPassManager FPM;
  FPM.addPass(SROAPass());
  // No SPIR target machine exists to report the flat space, so name it.
  FPM.addPass(InferAddressSpacesPass(addrspace::Generic));
  FPM.addPass(InstCombinePass());
  ModulePassManager MPM;
  MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
  return MPM.run(M, AM);
}

} // namespace dpex
