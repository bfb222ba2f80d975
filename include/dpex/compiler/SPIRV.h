// Stage 3: the device module as SPIR-V, in-process through
// SPIRV-LLVM-Translator, checked by SPIRV-Tools' validator.
#pragma once

#include "llvm/Support/Error.h"

#include <string>

namespace llvm {
class Module;
}

namespace dpex {

// The SPIR-V binary of `M` (a module after the device pipeline). With debug
// info, `ReaderInput` (if given) gets the binary as the translator wrote it,
// before its debug instructions were made valid: the translator's own
// reader takes only that form. Without, it gets the same binary.
llvm::Expected<std::string> emitSPIRV(llvm::Module &M,
                                      std::string *ReaderInput = nullptr);

// Runs spirv-val's checks for an OpenCL environment; the error lists every
// problem the validator reports.
llvm::Error validateSPIRV(const std::string &Binary);

// Human-readable SPIR-V assembly (spirv-dis format, friendly names).
llvm::Expected<std::string> disassembleSPIRV(const std::string &Binary);

// The versions of the libraries this stage runs, for --version:
// SPIRV-LLVM-Translator's (from its package) and SPIRV-Tools'.
const char *spirvTranslatorVersion();
const char *spirvToolsVersion();

} // namespace dpex
