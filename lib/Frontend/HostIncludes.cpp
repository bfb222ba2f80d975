#include "HostIncludes.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Driver/Compilation.h"
#include "clang/Driver/Driver.h"
#include "clang/Driver/Job.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/Host.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <memory>

namespace dpex {

std::string hostTriple() { return llvm::sys::getDefaultTargetTriple(); }

std::vector<std::string> hostSystemIncludeArgs(const std::string &Standard) {
  llvm::IntrusiveRefCntPtr<clang::DiagnosticOptions> DiagOpts =
      new clang::DiagnosticOptions();
  clang::IgnoringDiagConsumer Ignore;
  clang::DiagnosticsEngine Diags(new clang::DiagnosticIDs, DiagOpts, &Ignore,
                                 /*ShouldOwnClient=*/false);
  // The driver looks for the GCC installation and resource directory
  // relative to the clang binary it believes it is.
  clang::driver::Driver D(DPEX_CLANG_EXECUTABLE, hostTriple(), Diags);
  D.ResourceDir = DPEX_CLANG_RESOURCE_DIR;
  D.setCheckInputsExist(false);
  const std::string Std = "-std=" + Standard;
  std::vector<const char *> Argv = {
      DPEX_CLANG_EXECUTABLE, "-fsyntax-only", "-x", "c++",
      Std.c_str(),           "dpex-probe.cpp"};
  std::unique_ptr<clang::driver::Compilation> C(D.BuildCompilation(Argv));
  std::vector<std::string> Out;
  if (!C || C->getJobs().empty())
    return Out;
  const llvm::opt::ArgStringList &Args = C->getJobs().begin()->getArguments();
  for (size_t I = 0; I + 1 < Args.size(); ++I) {
    bool Wanted = llvm::StringSwitch<bool>(Args[I])
                      .Cases("-resource-dir", "-internal-isystem",
                             "-internal-externc-isystem", "-isysroot", true)
                      .Default(false);
    if (Wanted) {
      Out.push_back(Args[I]);
      Out.push_back(Args[++I]);
    }
  }
  return Out;
}

} // namespace dpex
