// Turns a checked kernel declaration into the AST-independent KernelInfo that
// later stages consume.
#pragma once

#include "dpex/KernelInfo.h"

#include "clang/AST/Decl.h"

namespace dpex {

KernelInfo extractKernelInfo(const clang::FunctionDecl *Kernel);

// The name codegen gives `FD` in the module.
std::string mangledName(const clang::FunctionDecl *FD);

} // namespace dpex
