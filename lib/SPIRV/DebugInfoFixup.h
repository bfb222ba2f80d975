// OpenCL.DebugInfo.100 as SPIRV-LLVM-Translator 15 writes it, made valid.
#pragma once

#include <string>

namespace dpex {

// Rewrites the debug instructions of a SPIR-V binary in place so that
// spirv-val accepts them (see DebugInfoFixup.cpp).
void fixUpDebugInfo(std::string &Binary);

} // namespace dpex
