#include "dpex/SPIRV.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/IR/Module.h"

#include <sstream>

namespace dpex {

llvm::Expected<std::string> emitSPIRV(llvm::Module &M) {
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
