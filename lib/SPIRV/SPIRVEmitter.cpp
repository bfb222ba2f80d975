#include "dpex/SPIRV.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <sstream>

namespace dpex {

// SPIRV-LLVM-Translator 15 turns `llvm.loop` metadata into an OpLoopMerge
// that it can place before the latch's compare, which the validator rejects
// (seen at -O1). The hints have done their work once the optimiser has run.
static void dropLoopMetadata(llvm::Module &M) {
  for (llvm::Function &F : M)
    for (llvm::BasicBlock &BB : F)
      if (llvm::Instruction *Term = BB.getTerminator())
        Term->setMetadata(llvm::LLVMContext::MD_loop, nullptr);
}

llvm::Expected<std::string> emitSPIRV(llvm::Module &M) {
  dropLoopMetadata(M);
  // SPIR-V 1.0: the version every OpenCL 2.1+ / 3.0 IL consumer accepts.
  SPIRV::TranslatorOpts Opts(SPIRV::VersionNumber::SPIRV_1_0);
  std::ostringstream OS;
  std::string Error;
  if (!llvm::writeSpirv(&M, Opts, OS, Error))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V translation failed: " + Error);
  return OS.str();
}

} // namespace dpex
