// Turns a checked kernel declaration into the AST-independent KernelInfo that
// later stages consume.
#pragma once

#include "dpex/compiler/KernelInfo.h"

#include "clang/AST/Decl.h"

namespace clang {
class HeaderSearch;
}

namespace dpex {

// `Headers` is the include path the source was compiled with: the stub
// names struct headers and source locations relative to it.
KernelInfo extractKernelInfo(const clang::FunctionDecl *Kernel,
                             clang::HeaderSearch &Headers);

// The name codegen gives `FD` in the module.
std::string mangledName(const clang::FunctionDecl *FD);

} // namespace dpex
