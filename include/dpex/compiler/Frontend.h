// Stage 1: annotated C++ to LLVM IR for a spir64 device, with the kernels'
// signatures and every kernel-language restriction (docs/kernel-language.md)
// checked on the AST.
#pragma once

#include "dpex/compiler/KernelInfo.h"

#include "llvm/Support/Error.h"

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace llvm {
class LLVMContext;
class Module;
class raw_ostream;
} // namespace llvm

namespace dpex {

// -g / -gline-tables-only.
enum class DebugInfo { None, LineTablesOnly, Full };

// One -D or -U.
struct MacroOption {
  std::string Text; // -D: "NAME" or "NAME=VALUE"; -U: "NAME"
  bool Undefine = false;
};

struct FrontendOptions {
  std::vector<std::string> IncludeDirs;
  std::vector<std::string> SystemIncludeDirs; // -isystem
  std::vector<std::string> ForcedIncludes;    // -include, before the source
  // -D and -U in command-line order: for one macro, the later one wins.
  std::vector<MacroOption> Macros;
  std::string Standard = "c++17";
  unsigned OptLevel = 2;
  DebugInfo Debug = DebugInfo::None;
  // -ffast-math as clang defines it: reassociation, contraction,
  // reciprocals, approximate functions, no NaNs, infinities or signed zeros.
  bool FastMath = false;
  std::string CompilationDatabaseDir; // -p: extra -I/-D from compile_commands
  // What follows each -W, in order ("all", "no-unused-variable", "error",
  // "error=shadow"), for clang's diagnostics; -w silences every warning.
  std::vector<std::string> Warnings;
  bool NoWarnings = false;
  // Coloured diagnostics, as clang colours them (and dpexc its own);
  // runFrontend enables colours on its stream.
  bool ShowColors = false;
  // The dependencies include system headers (-MD), or not (-MMD).
  bool SystemDependencies = true;
  // Where <dpex/kernel.hpp> lives; empty: the source tree dpexc was built from.
  std::string DpexIncludeDir;
  // Functions defined by linked device libraries (mangled names): calls to
  // them are not "no definition" errors.
  std::set<std::string> ExternalDefinitions;
};

struct FrontendResult {
  std::unique_ptr<llvm::Module> Module;
  std::vector<KernelInfo> Kernels;
  std::vector<std::string> DeviceFunctions; // mangled DPEX_DEVICE_FUNC names
  std::vector<std::string> Dependencies;    // every file the source read
};

// Diagnostics go to `Diagnostics` in clang's format as they are found; on
// failure the returned error is a CompileFailure (the diagnostics were the
// message).
llvm::Expected<FrontendResult> runFrontend(const std::string &SourcePath,
                                           const FrontendOptions &Options,
                                           llvm::LLVMContext &Context,
                                           llvm::raw_ostream &Diagnostics);

// The clang -cc1 command line (the clang executable, "-cc1", arguments)
// whose job runFrontend does in process; -p's database is read for it.
llvm::Expected<std::vector<std::string>>
frontendInvocation(const std::string &SourcePath,
                   const FrontendOptions &Options);

// The error kind for "diagnostics already printed": the driver exits with 1
// and prints nothing more.
class CompileFailure : public llvm::ErrorInfo<CompileFailure> {
public:
  static char ID;
  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override;
};

} // namespace dpex
