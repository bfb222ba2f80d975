#include "dpex/compiler/Frontend.h"

#include "HostIncludes.h"
#include "KernelHeaderPCH.h"
#include "KernelSemaChecker.h"
#include "KernelSignatureExtractor.h"

#include "dpex/compiler/Transforms.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/GlobalDecl.h"
#include "clang/CodeGen/CodeGenAction.h"
#include "clang/CodeGen/ModuleBuilder.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/CompilationDatabase.h"

#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

namespace dpex {

char CompileFailure::ID = 0;

void CompileFailure::log(llvm::raw_ostream &OS) const {
  OS << "compilation failed";
}

std::error_code CompileFailure::convertToErrorCode() const {
  return llvm::inconvertibleErrorCode();
}

namespace {

// Runs the restriction checks and records kernel signatures once Sema is
// done, before codegen sees the translation unit.
class KernelConsumer : public ASTConsumer {
public:
  KernelConsumer(const std::set<std::string> &External, FrontendResult &Result,
                 CodeGenAction &CodeGen, HeaderSearch &Headers, bool FromPCH)
      : External(External), Result(Result), CodeGen(CodeGen), Headers(Headers),
        FromPCH(FromPCH) {}

  // The translation unit's own declarations, in order. An explicit
  // instantiation in a namespace comes here before its namespace is done;
  // the walk reaches it through its template, in the namespace.
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    if (FromPCH)
      for (Decl *D : Group)
        if (D->getLexicalDeclContext()->isTranslationUnit())
          Parsed.push_back(D);
    return true;
  }

  void HandleTranslationUnit(ASTContext &Ctx) override {
    if (Ctx.getDiagnostics().hasErrorOccurred())
      return;
    // From a precompiled kernel header, only what was parsed is searched:
    // the kernel headers define no kernels, and walking all their
    // declarations would read each one back from the header.
    if (FromPCH)
      Ctx.setTraversalScope(Parsed);
    auto [Kernels, DeviceFunctions] = findEntryPoints(Ctx);
    if (FromPCH)
      Ctx.setTraversalScope({Ctx.getTranslationUnitDecl()});
    if (!checkKernels(Ctx, Kernels, External))
      return;
    for (const FunctionDecl *K : Kernels)
      Result.Kernels.push_back(extractKernelInfo(K, Headers));
    for (const FunctionDecl *F : DeviceFunctions)
      Result.DeviceFunctions.push_back(mangledName(F));
    // Codegen emits an inline, internal or in-class function only if
    // something references it; nothing in the source references a kernel or
    // an exported device function. Referencing them here, before codegen
    // finishes the module, gets them emitted like any used function.
    if (CodeGenerator *CG = CodeGen.getCodeGenerator()) {
      for (const FunctionDecl *F : Kernels)
        CG->GetAddrOfGlobal(GlobalDecl(F), /*isForDefinition=*/false);
      for (const FunctionDecl *F : DeviceFunctions)
        CG->GetAddrOfGlobal(GlobalDecl(F), /*isForDefinition=*/false);
    }
  }

private:
  const std::set<std::string> &External;
  FrontendResult &Result;
  CodeGenAction &CodeGen;
  HeaderSearch &Headers;
  bool FromPCH;
  std::vector<Decl *> Parsed;
};

class KernelFrontendAction : public EmitLLVMOnlyAction {
public:
  KernelFrontendAction(llvm::LLVMContext &Ctx,
                       const std::set<std::string> &External,
                       FrontendResult &Result)
      : EmitLLVMOnlyAction(&Ctx), External(External), Result(Result) {}

protected:
  std::unique_ptr<ASTConsumer>
  CreateASTConsumer(CompilerInstance &CI, llvm::StringRef File) override {
    // Codegen's consumer first: KernelConsumer needs its CodeGenerator. It
    // still runs second, after KernelConsumer has checked the kernels.
    std::unique_ptr<ASTConsumer> CodeGenConsumer =
        EmitLLVMOnlyAction::CreateASTConsumer(CI, File);
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(std::make_unique<KernelConsumer>(
        External, Result, *this, CI.getPreprocessor().getHeaderSearchInfo(),
        !CI.getPreprocessorOpts().ImplicitPCHInclude.empty()));
    Consumers.push_back(std::move(CodeGenConsumer));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

  // libstdc++'s <bits/c++config.h> defines _GLIBCXX_USE_C99_COMPLEX_TR1 as
  // 1 whatever the command line says, and then std::complex's acos, asin,
  // atan, acosh, asinh and atanh call the C library's cacos, ..., which no
  // device provides. Turned off after that header, they are libstdc++'s
  // own C++ over <cmath>, as the other complex functions are
  // (_GLIBCXX_USE_C99_COMPLEX=0 in frontendInvocation()).
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    // With a precompiled kernel header, loading it replaces the predefines
    // with its own, and the header's state already has these.
    Preprocessor &PP = CI.getPreprocessor();
    PP.setPredefines(PP.getPredefines() + libstdcxxDevicePredefines().str());
    return EmitLLVMOnlyAction::BeginSourceFileAction(CI);
  }

private:
  const std::set<std::string> &External;
  FrontendResult &Result;
};

// With -MD a depfile lists system headers too: an upgraded libstdc++ must
// rebuild kernels just as it rebuilds host code. -MMD leaves them out.
class Dependencies : public DependencyCollector {
public:
  explicit Dependencies(bool System) : System(System) {}

  // The precompiled header's files, listed where the source's first line
  // would have read them: right after the source itself.
  std::vector<std::string> withHeaders(const KernelHeaderPCH *PCH) const {
    std::vector<std::string> Deps = getDependencies();
    if (!PCH || Deps.empty())
      return Deps;
    std::vector<std::string> Headers;
    for (const HeaderDependency &H : PCH->Dependencies)
      if (System || !H.System)
        Headers.push_back(H.Path);
    Deps.insert(Deps.begin() + 1, Headers.begin(), Headers.end());
    return Deps;
  }

private:
  bool System;
  bool needSystemDependencies() override { return System; }
  bool sawDependency(llvm::StringRef File, bool FromModule, bool IsSystem,
                     bool IsModuleFile, bool IsMissing) override {
    // The precompiled header's inputs are listed by withHeaders().
    if (FromModule || IsModuleFile)
      return false;
    return DependencyCollector::sawDependency(File, FromModule, IsSystem,
                                              IsModuleFile, IsMissing);
  }
};

// -I, -D, -U, -isystem and -std from the compile command of `Source`.
std::vector<std::string> argsFromCompilationDatabase(const std::string &Dir,
                                                     const std::string &Source,
                                                     std::string &Error) {
  std::unique_ptr<tooling::CompilationDatabase> DB =
      tooling::CompilationDatabase::loadFromDirectory(Dir, Error);
  if (!DB)
    return {};
  // Every plugin tried before the one that loaded the database appended
  // its failure to Error; only a null DB means the load failed.
  Error.clear();
  llvm::SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  std::vector<tooling::CompileCommand> Commands = DB->getCompileCommands(Abs);
  std::vector<std::string> Out;
  if (Commands.empty())
    return Out;
  const tooling::CompileCommand &Cmd = Commands.front();
  auto absolute = [&](llvm::StringRef Path) {
    llvm::SmallString<256> P(Path);
    if (!llvm::sys::path::is_absolute(P))
      llvm::sys::fs::make_absolute(Cmd.Directory, P);
    return std::string(P);
  };
  const std::vector<std::string> &Argv = Cmd.CommandLine;
  for (size_t I = 0; I < Argv.size(); ++I) {
    llvm::StringRef A = Argv[I];
    for (llvm::StringRef Flag : {"-I", "-isystem"}) {
      if (A == Flag && I + 1 < Argv.size()) {
        Out.push_back(Flag.str());
        Out.push_back(absolute(Argv[++I]));
      } else if (A.startswith(Flag) && A.size() > Flag.size() &&
                 !(Flag == "-I" && A.startswith("-isystem"))) {
        Out.push_back(Flag.str());
        Out.push_back(absolute(A.drop_front(Flag.size())));
      }
    }
    if ((A == "-D" || A == "-U") && I + 1 < Argv.size()) {
      Out.push_back(A.str() + Argv[++I]);
    } else if ((A.startswith("-D") || A.startswith("-U")) && A.size() > 2) {
      Out.push_back(A.str());
    } else if (A.startswith("-std=")) {
      Out.push_back(A.str());
    }
  }
  return Out;
}

// What clang's driver passes for -g / -gline-tables-only. DWARF 4, the
// version the SPIR-V debug-info consumers and NVPTX handle; the compilation
// directory is "." so that outputs do not depend on where dpexc ran.
std::vector<const char *> debugInfoArgs(DebugInfo Debug) {
  switch (Debug) {
  case DebugInfo::None:
    return {};
  case DebugInfo::LineTablesOnly:
    return {"-debug-info-kind=line-tables-only", "-dwarf-version=4",
            "-fdebug-compilation-dir=."};
  case DebugInfo::Full:
    return {"-debug-info-kind=constructor", "-dwarf-version=4",
            "-fdebug-compilation-dir=."};
  }
  return {};
}

// What clang's driver passes for -ffast-math (without the host's
// flush-to-zero, which is a property of x86's startup code, not of the
// flag).
constexpr const char *FastMathArgs[] = {
    "-ffast-math",        "-menable-no-infs",  "-menable-no-nans",
    "-ffinite-math-only", "-fapprox-func",     "-menable-unsafe-fp-math",
    "-fno-signed-zeros",  "-mreassociate",     "-freciprocal-math",
    "-ffp-contract=fast", "-fno-rounding-math"};

} // namespace

llvm::Expected<std::vector<std::string>>
frontendInvocation(const std::string &SourcePath,
                   const FrontendOptions &Options) {
  std::vector<std::string> Args = {
      DPEX_CLANG_EXECUTABLE, "-cc1", "-triple", "spir64-unknown-unknown",
      "-aux-triple", hostTriple(),
      // Generic (addrspace 4) pointers, as SYCL device code has them.
      "-fsycl-is-device",
      // SPIRV-LLVM-Translator 15 consumes typed pointers only.
      "-no-opaque-pointers", "-O" + std::to_string(Options.OptLevel),
      // dpexc runs its own pipeline (Transforms/) on the module.
      "-disable-llvm-passes", "-disable-O0-optnone",
      // Parsed so that the restriction checker can name them; never emitted.
      "-fcxx-exceptions", "-fno-threadsafe-statics", "-fgnuc-version=4.2.1",
      "-ferror-limit", "20",
      // The restriction checker rejects the atomic built-ins this warns
      // about, pointing at dpex::atomic_ref.
      "-Wno-atomic-alignment",
      // libstdc++'s std::complex functions (abs, exp, sqrt, pow, ...) in
      // its own C++ over <cmath>, not the C library's cabs, cexp, ...,
      // which no device provides (acos, ...: BeginSourceFileAction()).
      "-D_GLIBCXX_USE_C99_COMPLEX=0", "-std=" + Options.Standard, "-I",
      Options.DpexIncludeDir.empty() ? DPEX_KERNEL_INCLUDE_DIR
                                     : Options.DpexIncludeDir};
  for (std::string &A : hostSystemIncludeArgs(Options.Standard))
    Args.push_back(std::move(A));
  for (const char *A : debugInfoArgs(Options.Debug))
    Args.push_back(A);
  if (Options.FastMath)
    Args.insert(Args.end(), std::begin(FastMathArgs), std::end(FastMathArgs));
  if (!Options.CompilationDatabaseDir.empty()) {
    std::string Error;
    std::vector<std::string> DBArgs = argsFromCompilationDatabase(
        Options.CompilationDatabaseDir, SourcePath, Error);
    if (!Error.empty())
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "cannot read compilation database in '%s': %s",
          Options.CompilationDatabaseDir.c_str(), Error.c_str());
    Args.insert(Args.end(), DBArgs.begin(), DBArgs.end());
  }
  for (const std::string &Dir : Options.IncludeDirs) {
    Args.push_back("-I");
    Args.push_back(Dir);
  }
  for (const std::string &Dir : Options.SystemIncludeDirs) {
    Args.push_back("-isystem");
    Args.push_back(Dir);
  }
  for (const MacroOption &M : Options.Macros)
    Args.push_back((M.Undefine ? "-U" : "-D") + M.Text);
  for (const std::string &File : Options.ForcedIncludes) {
    Args.push_back("-include");
    Args.push_back(File);
  }
  for (const std::string &W : Options.Warnings)
    Args.push_back("-W" + W);
  if (Options.NoWarnings)
    Args.push_back("-w");
  if (Options.ShowColors)
    Args.push_back("-fcolor-diagnostics");
  Args.push_back("-x");
  Args.push_back("c++");
  Args.push_back(SourcePath);
  return Args;
}

namespace {

// One run of the frontend over `SourcePath`, from the precompiled kernel
// header where `PCH` is given.
llvm::Expected<FrontendResult> runFrontendOnce(std::vector<std::string> Args,
                                               const FrontendOptions &Options,
                                               const KernelHeaderPCH *PCH,
                                               llvm::LLVMContext &Context,
                                               llvm::raw_ostream &Diagnostics) {
  if (PCH)
    Args.insert(Args.end() - 3, {"-include-pch", PCH->Path});
  // The arguments after the executable and -cc1.
  std::vector<const char *> CArgs;
  for (const std::string &A : llvm::drop_begin(Args, 2))
    CArgs.push_back(A.c_str());

  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts =
      new DiagnosticOptions();
  DiagOpts->ShowColors = Options.ShowColors;
  // "[-Wunused-variable]" after a warning, as clang's driver asks for.
  DiagOpts->ShowOptionNames = true;
  auto Printer =
      std::make_unique<TextDiagnosticPrinter>(Diagnostics, &*DiagOpts);
  llvm::IntrusiveRefCntPtr<DiagnosticsEngine> Diags = new DiagnosticsEngine(
      new DiagnosticIDs, DiagOpts, Printer.get(), /*ShouldOwnClient=*/false);
  auto Invocation = std::make_shared<CompilerInvocation>();
  if (!CompilerInvocation::CreateFromArgs(*Invocation, CArgs, *Diags))
    return llvm::make_error<CompileFailure>();

  CompilerInstance CI;
  CI.setInvocation(Invocation);
  CI.createDiagnostics(Printer.get(), /*ShouldOwnClient=*/false);
  // "1 error generated." goes with the diagnostics.
  CI.setVerboseOutputStream(Diagnostics);
  auto Deps = std::make_shared<Dependencies>(Options.SystemDependencies);
  CI.addDependencyCollector(Deps);

  FrontendResult Result;
  KernelFrontendAction Action(Context, Options.ExternalDefinitions, Result);
  bool OK = CI.ExecuteAction(Action);
  std::unique_ptr<llvm::Module> M = Action.takeModule();
  if (!OK || !M || CI.getDiagnostics().hasErrorOccurred())
    return llvm::make_error<CompileFailure>();
  llvm::cantFail(runModulePasses(
      *M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(SubGroupSizeAnnotationPass());
        MPM.addPass(AnnotationRemovalPass());
        return llvm::Error::success();
      }));
  Result.Module = std::move(M);
  Result.Dependencies = Deps->withHeaders(PCH);
  return Result;
}

// The precompiled kernel header for this source and these arguments, where
// starting from it reads the same as parsing the headers. Full debug info
// is left out: it describes a using-declaration differently when the
// declaration it names comes from the precompiled header.
llvm::Optional<KernelHeaderPCH>
kernelHeaderPCHFor(const std::string &SourcePath,
                   const FrontendOptions &Options,
                   llvm::ArrayRef<std::string> Args) {
  if (Options.Debug == DebugInfo::Full || !Options.ForcedIncludes.empty())
    return llvm::None;
  auto Source = llvm::MemoryBuffer::getFile(SourcePath);
  if (!Source || !opensWithKernelHeader((*Source)->getBuffer()))
    return llvm::None;
  // Without the executable, -cc1 and "-x c++ <source>".
  return findOrBuildKernelHeaderPCH(Args.drop_front(2).drop_back(3));
}

} // namespace

llvm::Expected<FrontendResult> runFrontend(const std::string &SourcePath,
                                           const FrontendOptions &Options,
                                           llvm::LLVMContext &Context,
                                           llvm::raw_ostream &Diagnostics) {
  auto Args = frontendInvocation(SourcePath, Options);
  if (!Args)
    return Args.takeError();
  if (Options.ShowColors)
    Diagnostics.enable_colors(true);
  llvm::Optional<KernelHeaderPCH> PCH =
      kernelHeaderPCHFor(SourcePath, Options, *Args);
  if (!PCH)
    return runFrontendOnce(*Args, Options, nullptr, Context, Diagnostics);

  // A diagnostic may read differently from the precompiled header (the
  // include stack of a note in a header, say), so a source that gets any is
  // parsed again without it, and the diagnostics printed are that parse's.
  std::string Held;
  llvm::raw_string_ostream HeldOS(Held);
  auto Result = runFrontendOnce(*Args, Options, &*PCH, Context, HeldOS);
  if (Held.empty())
    return Result;
  if (!Result) {
    // The source's errors, or a precompiled header clang would not load:
    // nothing from this parse is kept, and a header that made a good
    // source fail is removed.
    llvm::consumeError(Result.takeError());
    auto Again = runFrontendOnce(*Args, Options, nullptr, Context, Diagnostics);
    if (Again)
      llvm::sys::fs::remove(PCH->Path);
    return Again;
  }
  // Warnings only: the module kept is the first one; the second parse, in
  // a context of its own, prints them.
  llvm::LLVMContext Reparse;
  Reparse.setOpaquePointers(false);
  auto Again = runFrontendOnce(*Args, Options, nullptr, Reparse, Diagnostics);
  if (!Again)
    return Again.takeError();
  return Result;
}

} // namespace dpex
