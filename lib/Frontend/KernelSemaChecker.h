// Enforces the kernel-language restrictions (docs/kernel-language.md) on
// every kernel and on every function a kernel can reach, reporting each
// violation as a clang diagnostic at the offending construct, followed by
// notes for the calls through which a kernel reaches it; violations inside
// system headers are reported once per call in user code that reaches them.
#pragma once

#include "clang/AST/Decl.h"

#include <set>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace dpex {

// Returns true when no restriction is violated.
bool checkKernels(clang::ASTContext &Ctx,
                  const std::vector<const clang::FunctionDecl *> &Kernels,
                  const std::set<std::string> &ExternalDefinitions);

struct EntryPoints {
  // Annotated functions with a body and explicit instantiations of
  // annotated function templates.
  std::vector<const clang::FunctionDecl *> Kernels;
  // Every DPEX_DEVICE_FUNC with a body (templates only where instantiated).
  std::vector<const clang::FunctionDecl *> DeviceFunctions;
};

// The kernels and device functions of the translation unit, in one walk of
// the AST context's traversal scope.
EntryPoints findEntryPoints(clang::ASTContext &Ctx);

} // namespace dpex
