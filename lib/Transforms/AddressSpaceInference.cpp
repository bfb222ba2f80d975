// Clang's SYCL device mode makes every C++ pointer generic. Once kernels are
// flat, most generic pointers provably come from one kernel parameter or
// alloca; rewriting them to that space gives SPIR 1.2 consumers (which have
// no generic space) a module they accept, and every consumer cheaper loads.
// Locals are promoted first: a pointer spilled to an alloca hides its origin.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/InferAddressSpaces.h"
#include "llvm/Transforms/Scalar/SROA.h"

#define DEBUG_TYPE "dpex-infer-address-spaces"

using namespace llvm;

STATISTIC(NumGenericCastsRemoved, "Casts to the generic space removed");

namespace dpex {

// Pointers still generic show as casts into the generic space.
static unsigned countGenericCasts(Module &M) {
  unsigned Count = 0;
  for (Function &F : M)
    for (Instruction &I : instructions(F))
      if (auto *Cast = dyn_cast<AddrSpaceCastInst>(&I);
          Cast && Cast->getDestAddressSpace() == addrspace::Generic)
        ++Count;
  return Count;
}

PreservedAnalyses AddressSpaceInferencePass::run(Module &M,
                                                 ModuleAnalysisManager &AM) {
  FunctionPassManager FPM;
  FPM.addPass(SROAPass());
  // No SPIR target machine exists to report the flat space, so name it.
  FPM.addPass(InferAddressSpacesPass(addrspace::Generic));
  FPM.addPass(InstCombinePass());
  ModulePassManager MPM;
  MPM.addPass(createModuleToFunctionPassAdaptor(std::move(FPM)));
  if (!AreStatisticsEnabled())
    return MPM.run(M, AM);
  // Counting walks the module twice, which only -stats pays for.
  unsigned Before = countGenericCasts(M);
  PreservedAnalyses PA = MPM.run(M, AM);
  NumGenericCastsRemoved += Before - std::min(Before, countGenericCasts(M));
  return PA;
}

} // namespace dpex
