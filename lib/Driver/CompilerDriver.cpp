#include "dpex/compiler/Driver.h"

#include "DepFile.h"
#include "ExitGuard.h"
#include "OutputSet.h"
#include "StageTimer.h"
#include "Warnings.h"

#include "dpex/compiler/ImageBuilder.h"
#include "dpex/compiler/SPIRV.h"
#include "dpex/compiler/StubGen.h"
#include "dpex/compiler/Targets.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/Timer.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <optional>

namespace dpex {

const char *versionString() { return DPEX_VERSION; }

std::vector<std::string> componentVersions() {
  return {"LLVM " LLVM_VERSION_STRING,
          std::string("SPIRV-LLVM-Translator ") + spirvTranslatorVersion(),
          std::string("SPIRV-Tools ") + spirvToolsVersion()};
}

namespace {

template <typename Kind>
bool parseList(const std::string &List,
               std::initializer_list<std::pair<const char *, Kind>> Names,
               std::vector<Kind> &Out, std::string &Bad) {
  Out.clear();
  llvm::SmallVector<llvm::StringRef, 8> Items;
  llvm::StringRef(List).split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    auto It =
        llvm::find_if(Names, [&](const auto &N) { return Item == N.first; });
    if (It == Names.end()) {
      Bad = Item.str();
      return false;
    }
    if (!llvm::is_contained(Out, It->second))
      Out.push_back(It->second);
  }
  return true;
}

// What one compilation produces, by suffix of the output prefix.
struct OutputNames {
  std::string Prefix;
  // --emit=ptx: `k.ptx` for a single --cuda-arch, else one file per arch,
  // `k.sm_50.ptx`, `k.sm_80.ptx`.
  bool PTXPerArch = false;
  std::string spirv() const { return Prefix + ".spv"; }
  std::string header() const { return Prefix + ".dpex.hpp"; }
  std::string source() const { return Prefix + ".dpex.cpp"; }
  std::string llvmIR() const { return Prefix + ".ll"; }
  std::string spirvAsm() const { return Prefix + ".spvasm"; }
  std::string ptx(unsigned Arch) const {
    return Prefix + (PTXPerArch ? "." + cudaArchName(Arch) : "") + ".ptx";
  }
  std::string deviceLib() const { return Prefix + ".bc"; }
  std::string spir() const { return Prefix + ".spir.bc"; }
};

class Compilation {
public:
  Compilation(const CompilerOptions &Opts, llvm::raw_ostream &Out,
              llvm::raw_ostream &Err)
      : Opts(Opts), Out(Out), Err(Err),
        Timer(Err, Opts.Verbose, Opts.TimePasses),
        Builders(createImageBuilders(Opts)) {
    Names.Prefix = Opts.OutputPrefix.empty()
                       ? llvm::sys::path::stem(Opts.Sources.front()).str()
                       : Opts.OutputPrefix;
    Names.PTXPerArch = Opts.CUDA.Archs.size() > 1;
    for (const std::unique_ptr<ImageBuilder> &B : Builders)
      Requests.push_back(requestOf(*B));
    Context.setOpaquePointers(false);
    Context.setDiagnosticHandlerCallBack(
        [](const llvm::DiagnosticInfo &DI, void *Self) {
          auto *C = static_cast<Compilation *>(Self);
          std::string Msg;
          llvm::raw_string_ostream OS(Msg);
          llvm::DiagnosticPrinterRawOStream DP(OS);
          DI.print(DP);
          if (DI.getSeverity() == llvm::DS_Error)
            C->BackendErrors.push_back(OS.str());
          else if (DI.getSeverity() == llvm::DS_Warning &&
                   !C->Opts.Frontend.NoWarnings)
            printDiagnostic(C->Err, DiagLevel::Warning, "", OS.str());
        },
        this);
  }

  // A crash or LLVM fatal error inside the pipeline: one diagnostic naming
  // the stage and the input, and no outputs, new or stale.
  void internalError(llvm::StringRef What) {
    if (ReportedInternalError)
      return;
    ReportedInternalError = true;
    std::string Stage = Timer.current().empty() ? "startup" : Timer.current();
    printDiagnostic(Err, DiagLevel::Error, "",
                    "internal compiler error: " + What.str() + " in stage '" +
                        Stage + "' while compiling '" +
                        llvm::join(Opts.Sources, "', '") + "'");
    Out.flush();
    Err.flush();
    Outputs.removeStale();
    // Timers a crashed stage left running would print a report at exit.
    llvm::TimerGroup::clearAll();
  }

  int run() {
    // -fsyntax-only writes nothing, so it removes nothing either.
    if (!Opts.SyntaxOnly) {
      for (EmitKind E : Opts.Emit)
        for (std::string &Path : outputsOf(E))
          Outputs.expect(std::move(Path));
      if (!Opts.DepFile.empty())
        Outputs.expect(Opts.DepFile);
    }
    llvm::Error E = compile();
    Timer.report();
    if (E) {
      Outputs.removeStale();
      llvm::handleAllErrors(
          std::move(E), [](const CompileFailure &) {},
          [&](const UnresolvedCall &U) { reportUnresolvedCall(U); },
          [&](const llvm::ErrorInfoBase &EI) {
            printDiagnostic(Err, DiagLevel::Error, "", EI.message());
          });
      return 1;
    }
    return 0;
  }

  // -###: the frontend's clang -cc1 command per source, then each stage
  // run() would start, as -v names them, with the files each writes.
  int printCommands() {
    FrontendOptions FE = frontendOptions();
    auto Stage = [&](const std::string &Name,
                     const std::vector<std::string> &Files = {}) {
      Err << " dpexc: " << Name;
      if (!Files.empty())
        Err << " ->";
      for (const std::string &F : Files) {
        Err << ' ';
        llvm::sys::printArg(Err, F, /*Quote=*/true);
      }
      Err << '\n';
    };
    for (const std::string &Path : Opts.DeviceLibs)
      Stage("load device library " + Path);
    for (size_t I = 0; I < Opts.Sources.size(); ++I) {
      const std::string &Source = Opts.Sources[I];
      auto Args = frontendInvocation(Source, FE);
      if (!Args) {
        printDiagnostic(Err, DiagLevel::Error, "",
                        llvm::toString(Args.takeError()));
        return 1;
      }
      for (const std::string &A : *Args) {
        Err << ' ';
        llvm::sys::printArg(Err, A, /*Quote=*/true);
      }
      Err << '\n';
      if (I)
        Stage("link " + Source);
    }
    if (!Opts.DeviceLibs.empty())
      Stage("link device library");
    if (Opts.SyntaxOnly)
      return 0;
    if (emits(EmitKind::DeviceLib))
      Stage("write device library", {Names.deviceLib()});
    if (llvm::any_of(Opts.Emit,
                     [](EmitKind E) { return E != EmitKind::DeviceLib; })) {
      Stage("device pipeline -O" + std::to_string(Opts.Frontend.OptLevel));
      std::vector<bool> Printed(Builders.size());
      // Each needed builder's stages after its input's, as run() builds.
      std::function<void(size_t)> Visit = [&](size_t I) {
        if (Printed[I])
          return;
        Printed[I] = true;
        if (std::optional<size_t> In = inputOf(I))
          Visit(*In);
        for (const std::string &Name : Builders[I]->stages(Requests[I]))
          Stage(Name);
      };
      for (size_t I : neededBuilders())
        Visit(I);
      if (emits(EmitKind::Stub))
        Stage("stub generation");
    }
    std::vector<std::string> Files;
    for (EmitKind E : Opts.Emit)
      for (std::string &Path : outputsOf(E))
        Files.push_back(std::move(Path));
    if (!Opts.DepFile.empty())
      Files.push_back(Opts.DepFile);
    Stage("write outputs", Files);
    return 0;
  }

private:
  const CompilerOptions &Opts;
  llvm::raw_ostream &Out, &Err;
  StageTimer Timer;
  // The registry's builders, each with what the driver tells it.
  std::vector<std::unique_ptr<ImageBuilder>> Builders;
  std::vector<ImageRequest> Requests;
  OutputNames Names;
  OutputSet Outputs;
  llvm::LLVMContext Context;
  // The device module with the warp path (compileDevice), where needed.
  std::unique_ptr<llvm::Module> WarpModule;
  std::vector<std::string> BackendErrors;
  bool ReportedInternalError = false;
  std::vector<KernelInfo> Kernels;
  std::vector<std::string> Dependencies;
  // Each kernel an image left out, with why, and the builders whose images
  // lack it for that reason, in build order.
  struct Omission {
    OmittedKernel Kernel;
    std::vector<std::string> Images;
  };
  std::vector<Omission> Omissions;

  bool emits(EmitKind E) const { return llvm::is_contained(Opts.Emit, E); }
  bool targets(TargetKind T) const {
    return llvm::is_contained(Opts.Targets, T);
  }

  // The files an emit kind produces, the first one being its primary output.
  std::vector<std::string> outputsOf(EmitKind E) const {
    switch (E) {
    case EmitKind::SPIRV:
      return {Names.spirv()};
    case EmitKind::Stub:
      return {Names.header(), Names.source()};
    case EmitKind::LLVM:
      return {Names.llvmIR()};
    case EmitKind::SPIRVAsm:
      return {Names.spirvAsm()};
    case EmitKind::PTX: {
      std::vector<std::string> Files;
      for (unsigned Arch : Opts.CUDA.Archs)
        Files.push_back(Names.ptx(Arch));
      return Files;
    }
    case EmitKind::DeviceLib:
      return {Names.deviceLib()};
    case EmitKind::SPIR:
      return {Names.spir()};
    }
    llvm_unreachable("unknown EmitKind");
  }

  llvm::Error checkBackend(llvm::StringRef Stage) {
    if (BackendErrors.empty())
      return llvm::Error::success();
    std::string Msg =
        "in " + Stage.str() + ": " + llvm::join(BackendErrors, "; ");
    BackendErrors.clear();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg);
  }

  llvm::Expected<std::unique_ptr<llvm::Module>>
  loadDeviceLib(const std::string &Path) {
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return llvm::createStringError(
          Buffer.getError(), "cannot read device library '%s': %s",
          Path.c_str(), Buffer.getError().message().c_str());
    auto M = llvm::parseBitcodeFile((*Buffer)->getMemBufferRef(), Context);
    if (!M)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "'%s' is not a dpex device library: %s",
                                     Path.c_str(),
                                     llvm::toString(M.takeError()).c_str());
    return M;
  }

  // One of dpexc's warnings, at the level the -W flags give it; false
  // where they make it an error.
  bool warn(llvm::StringRef Name, llvm::StringRef Where,
            const std::string &Message) {
    WarningLevel Level = warningLevel(Name, Opts.Frontend);
    if (Level == WarningLevel::Ignored)
      return true;
    bool IsError = Level == WarningLevel::Error;
    printDiagnostic(Err, IsError ? DiagLevel::Error : DiagLevel::Warning, Where,
                    Message + " [-W" + (IsError ? "error,-W" : "") +
                        Name.str() + "]");
    return !IsError;
  }

  // What the frontend runs with: clang gets the -W flags but dpexc's own.
  FrontendOptions frontendOptions() const {
    FrontendOptions FE = Opts.Frontend;
    llvm::erase_if(FE.Warnings, isDpexWarningOption);
    // Line tables always: a call left unresolved after optimisation is
    // reported at its source line. They go before any output without -g.
    if (FE.Debug == DebugInfo::None)
      FE.Debug = DebugInfo::LineTablesOnly;
    return FE;
  }

  llvm::Expected<std::unique_ptr<llvm::Module>> runFrontends() {
    FrontendOptions FE = frontendOptions();
    std::unique_ptr<llvm::Module> Linked;
    std::vector<std::unique_ptr<llvm::Module>> Libs;
    for (const std::string &Path : Opts.DeviceLibs) {
      Timer.start("load device library " + Path);
      auto Lib = loadDeviceLib(Path);
      if (!Lib)
        return Lib.takeError();
      for (const llvm::Function &F : **Lib)
        if (!F.isDeclaration())
          FE.ExternalDefinitions.insert(F.getName().str());
      Libs.push_back(std::move(*Lib));
    }
    for (const std::string &Source : Opts.Sources) {
      Timer.start("frontend " + Source);
      auto Result = runFrontend(Source, FE, Context, Err);
      if (!Result)
        return Result.takeError();
      for (KernelInfo &K : Result->Kernels)
        Kernels.push_back(std::move(K));
      for (std::string &D : Result->Dependencies)
        if (!llvm::is_contained(Dependencies, D))
          Dependencies.push_back(std::move(D));
      if (!Linked) {
        Linked = std::move(Result->Module);
        continue;
      }
      Timer.start("link " + Source);
      if (llvm::Linker::linkModules(*Linked, std::move(Result->Module)))
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "cannot link '%s' with the other sources", Source.c_str());
    }
    for (std::unique_ptr<llvm::Module> &Lib : Libs) {
      Timer.start("link device library");
      if (llvm::Linker::linkModules(*Linked, std::move(Lib),
                                    llvm::Linker::LinkOnlyNeeded))
        return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                       "cannot link the device libraries");
    }
    if (auto E = checkBackend("frontend"))
      return E;
    Linked->setModuleIdentifier(llvm::sys::path::filename(Names.Prefix));
    Linked->setSourceFileName(llvm::sys::path::filename(Opts.Sources.front()));
    return Linked;
  }

  llvm::Error compile() {
    auto ModuleOrErr = runFrontends();
    if (!ModuleOrErr)
      return ModuleOrErr.takeError();
    llvm::Module &M = **ModuleOrErr;
    nameHandles(Kernels);

    // A device library needs no kernels; any other output does.
    bool DeviceLibOnly = llvm::all_of(
        Opts.Emit, [](EmitKind E) { return E == EmitKind::DeviceLib; });
    if (Kernels.empty() && !DeviceLibOnly &&
        !warn(EmptyModuleWarning, Opts.Sources.front(),
              "no DPEX_KERNEL in '" + llvm::join(Opts.Sources, "', '") +
                  "'; the module has no kernels"))
      return llvm::make_error<CompileFailure>();

    if (Opts.ListKernels)
      Out << formatKernelList(Kernels);
    if (Opts.SyntaxOnly)
      return llvm::Error::success();

    if (emits(EmitKind::DeviceLib)) {
      Timer.start("write device library");
      if (Opts.Frontend.Debug == DebugInfo::None) {
        std::unique_ptr<llvm::Module> Lib = llvm::CloneModule(M);
        stripLineTables(*Lib);
        Outputs.add(Names.deviceLib(), bitcodeOf(*Lib));
      } else {
        Outputs.add(Names.deviceLib(), bitcodeOf(M));
      }
    }

    bool NeedDevice = llvm::any_of(
        Opts.Emit, [](EmitKind E) { return E != EmitKind::DeviceLib; });
    if (NeedDevice) {
      if (auto E = compileDevice(M))
        return E;
    }

    if (!Opts.DepFile.empty()) {
      std::vector<std::string> Targets = Opts.DepFileTargets;
      if (Targets.empty())
        for (EmitKind E : Opts.Emit)
          for (std::string &Path : outputsOf(E))
            Targets.push_back(std::move(Path));
      Outputs.add(Opts.DepFile, formatDepFile(Targets, Dependencies));
    }
    Timer.start("write outputs");
    return Outputs.commit();
  }

  static std::string bitcodeOf(const llvm::Module &M) {
    std::string Bytes;
    llvm::raw_string_ostream OS(Bytes);
    llvm::WriteBitcodeToFile(M, OS);
    return std::move(OS.str());
  }

  // The line tables dpexc keeps for its own diagnostics, out of a module
  // compiled without -g: no image or output shows them.
  static void stripLineTables(llvm::Module &M) {
    llvm::cantFail(runModulePasses(
        M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
          MPM.addPass(LineTableRemovalPass());
          return llvm::Error::success();
        }));
  }

  // The source line at `P` and a caret under its column, as clang shows.
  void showSourceLine(const UnresolvedCall::Position &P) {
    auto Buffer = llvm::MemoryBuffer::getFile(P.File);
    if (!Buffer || P.Line == 0)
      return;
    llvm::StringRef Text = (*Buffer)->getBuffer();
    for (unsigned L = 1; L < P.Line && !Text.empty(); ++L)
      Text = Text.split('\n').second;
    llvm::StringRef Line = Text.split('\n').first.rtrim('\r');
    Err << Line << '\n';
    for (unsigned C = 1; C < P.Column && C <= Line.size(); ++C)
      Err << (Line[C - 1] == '\t' ? '\t' : ' ');
    Err << "^\n";
  }

  void reportUnresolvedCall(const UnresolvedCall &U) {
    for (size_t I = 0; I < U.Positions.size(); ++I) {
      const UnresolvedCall::Position &P = U.Positions[I];
      // Calls the compiler made (the kernel's entry wrapper) have column 0.
      if (I && P.Column == 0)
        continue;
      std::string Where = P.File + ':' + std::to_string(P.Line) + ':' +
                          std::to_string(P.Column);
      if (I)
        printDiagnostic(Err, DiagLevel::Note, Where,
                        "in the function called here");
      else
        printDiagnostic(Err, DiagLevel::Error, Where, U.Message);
      showSourceLine(P);
    }
    if (U.Positions.empty())
      printDiagnostic(Err, DiagLevel::Error, "", U.Message);
  }

  // Images derived from one that left a kernel out lack it too: one warning
  // for all the images lacking it for one reason.
  void recordOmitted(const std::vector<OmittedKernel> &Omitted,
                     llvm::StringRef Image) {
    for (const OmittedKernel &K : Omitted) {
      auto Same = llvm::find_if(Omissions, [&](const Omission &O) {
        return O.Kernel.Entry == K.Entry && O.Kernel.Reason == K.Reason;
      });
      if (Same == Omissions.end())
        Omissions.push_back({K, {Image.str()}});
      else if (!llvm::is_contained(Same->Images, Image))
        Same->Images.push_back(Image.str());
    }
  }

  // The SPIR-V keeps every kernel; the images that lack one fail its
  // launches.
  bool warnOmitted() {
    bool OK = true;
    for (const Omission &O : Omissions) {
      auto Info = llvm::find_if(Kernels, [&](const KernelInfo &I) {
        return I.EntryName == O.Kernel.Entry;
      });
      std::string Name =
          Info == Kernels.end() ? O.Kernel.Entry : Info->QualifiedName;
      std::string Runners = "devices that take SPIR-V";
      if (Info != Kernels.end() && Info->ReqdSubGroupSize)
        Runners +=
            " and have sub-groups of " + std::to_string(Info->ReqdSubGroupSize);
      std::string Images = O.Images.front();
      for (size_t I = 1; I < O.Images.size(); ++I)
        Images += (I + 1 == O.Images.size() ? " and " : ", ") + O.Images[I];
      OK &= warn(OmittedKernelWarning, "",
                 "kernel '" + Name + "' is left out of the " + Images +
                     (O.Images.size() == 1 ? " image" : " images") + " (" +
                     Runners + " run it): " + O.Kernel.Reason);
    }
    return OK;
  }

  // What the driver tells builder `B`: its files that --emit names,
  // whether the stub embeds its images, the frontend's code choices.
  ImageRequest requestOf(const ImageBuilder &B) const {
    ImageRequest R;
    for (EmitKind E : B.emitKinds())
      if (emits(E))
        R.Emit.push_back(E);
    R.Embed = emits(EmitKind::Stub) && targets(B.target());
    R.FastMath = Opts.Frontend.FastMath;
    R.Debug = Opts.Frontend.Debug;
    return R;
  }

  // The builders this compilation needs: those it asks for, and those
  // their images derive from.
  std::vector<size_t> neededBuilders() const {
    std::vector<bool> Needed(Builders.size());
    std::function<void(size_t)> Need = [&](size_t I) {
      Needed[I] = true;
      if (std::optional<size_t> In = inputOf(I))
        Need(*In);
    };
    for (size_t I = 0; I < Builders.size(); ++I)
      if (Builders[I]->wanted(Requests[I]))
        Need(I);
    std::vector<size_t> Indices;
    for (size_t I = 0; I < Builders.size(); ++I)
      if (Needed[I])
        Indices.push_back(I);
    return Indices;
  }

  std::optional<size_t> inputOf(size_t I) const {
    llvm::StringRef Input = Builders[I]->input();
    if (Input.empty())
      return std::nullopt;
    for (size_t J = 0; J < Builders.size(); ++J)
      if (Builders[J]->name() == Input)
        return J;
    llvm_unreachable("an image builder's input is not in the registry");
  }

  // The path of a file an image builder writes.
  std::string pathOf(EmitKind Kind, unsigned CudaArch) const {
    switch (Kind) {
    case EmitKind::PTX:
      return Names.ptx(CudaArch);
    case EmitKind::SPIRV:
      return Names.spirv();
    case EmitKind::SPIRVAsm:
      return Names.spirvAsm();
    case EmitKind::SPIR:
      return Names.spir();
    default:
      llvm_unreachable("not a file of an image builder");
    }
  }

  // Each stage in a child process, all at once. Not threads: LLVM's code
  // generators keep process-wide counters (the NVPTX backend numbers call
  // sequences with one), so a thread's image would depend on its siblings'.
  std::vector<std::string>
  runConcurrently(std::vector<ConcurrentStage> &Stages) {
    if (Stages.size() == 1) {
      Timer.start(Stages.front().Name);
      return {Stages.front().Run()};
    }
    std::vector<std::string> Names;
    for (const ConcurrentStage &S : Stages)
      Names.push_back(S.Name);
    Timer.startConcurrent(Names);
    Out.flush();
    Err.flush();
    struct Child {
      pid_t Pid = -1;
      int Fd = -1;
      std::string Result;
    };
    std::vector<Child> Children(Stages.size());
    for (size_t I = 0; I < Stages.size(); ++I) {
      int Pipe[2];
      if (::pipe(Pipe) != 0)
        continue;
      pid_t Pid = ::fork();
      if (Pid == 0) {
        ::close(Pipe[0]);
        runConcurrentChild(Stages[I], Pipe[1]);
      }
      ::close(Pipe[1]);
      if (Pid < 0) {
        ::close(Pipe[0]);
        continue;
      }
      Children[I].Pid = Pid;
      Children[I].Fd = Pipe[0];
    }
    std::vector<double> Ms(Stages.size());
    for (size_t I = 0; I < Stages.size(); ++I) {
      Child &C = Children[I];
      if (C.Pid < 0) {
        // No process to spare: run it here.
        auto Begin = std::chrono::steady_clock::now();
        C.Result = Stages[I].Run();
        Ms[I] = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - Begin)
                    .count();
        continue;
      }
      char Buffer[1 << 16];
      for (ssize_t N; (N = ::read(C.Fd, Buffer, sizeof Buffer)) != 0;)
        if (N > 0)
          C.Result.append(Buffer, N);
        else if (errno != EINTR)
          break;
      ::close(C.Fd);
      int Status = 0;
      while (::waitpid(C.Pid, &Status, 0) < 0 && errno == EINTR)
        ;
      if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
        Timer.start(Stages[I].Name);
        // The child has reported a fatal error itself; a crash it has not.
        if (WIFEXITED(Status) && WEXITSTATUS(Status) == ExitGuard::Status)
          ReportedInternalError = true;
        internalError("crash");
        std::exit(ExitGuard::Status);
      }
      // The child's own time leads its result.
      size_t Newline = C.Result.find('\n');
      llvm::StringRef(C.Result).take_front(Newline).getAsDouble(Ms[I]);
      C.Result.erase(0, Newline + 1);
    }
    Timer.finishConcurrent(Names, Ms);
    std::vector<std::string> Results;
    for (Child &C : Children)
      Results.push_back(std::move(C.Result));
    return Results;
  }

  // In a child of runConcurrently(): runs the stage, writes its time and
  // result to `Fd` and ends, without the parent's exit handlers. A crash
  // ends it with status 1 for the parent to report; a fatal error is
  // reported here, by the handlers it inherited, and ends it with the
  // internal error's status.
  [[noreturn]] void runConcurrentChild(ConcurrentStage &Stage, int Fd) {
    Timer.rename(Stage.Name);
    auto Begin = std::chrono::steady_clock::now();
    std::string Result;
    llvm::CrashRecoveryContext CRC;
    if (!CRC.RunSafely([&] { Result = Stage.Run(); }))
      ::_exit(1);
    double Ms = std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - Begin)
                    .count();
    Result.insert(0, std::to_string(Ms) + "\n");
    for (size_t Done = 0; Done < Result.size();) {
      ssize_t N = ::write(Fd, Result.data() + Done, Result.size() - Done);
      if (N < 0 && errno != EINTR)
        ::_exit(1);
      Done += N > 0 ? N : 0;
    }
    Err.flush();
    ::_exit(0);
  }

  // Builds builder `I`'s images, after those of its input.
  llvm::Error
  buildImages(size_t I, llvm::Module &M,
              std::vector<std::optional<std::vector<BuiltImage>>> &Built) {
    if (Built[I])
      return llvm::Error::success();
    const std::vector<BuiltImage> *Sibling = nullptr;
    if (std::optional<size_t> In = inputOf(I)) {
      if (auto E = buildImages(*In, M, Built))
        return E;
      Sibling = &*Built[*In];
    }
    ImageBuildInput Input{M,
                          WarpModule.get(),
                          Requests[I],
                          Sibling,
                          [this](const std::string &S) { Timer.start(S); },
                          [this](std::vector<ConcurrentStage> &Stages) {
                            return runConcurrently(Stages);
                          }};
    auto Images = Builders[I]->build(Input);
    if (!Images)
      return Images.takeError();
    // An image built only for another to derive from is never loaded: its
    // omissions are no one's concern.
    bool Wanted = Builders[I]->wanted(Requests[I]);
    for (const BuiltImage &Image : *Images) {
      if (Wanted)
        recordOmitted(Image.Omitted, Builders[I]->name());
      for (const EmittedFile &File : Image.Files)
        Outputs.add(pathOf(File.Kind, Image.CudaArch), File.Bytes);
    }
    Built[I] = std::move(*Images);
    return llvm::Error::success();
  }

  // The images the stub embeds, in the registry's order, those for CUDA
  // archs grouped by arch (the cubin next to the PTX it was built from).
  std::vector<DeviceImage> embeddedImages(
      std::vector<std::optional<std::vector<BuiltImage>>> &Built) const {
    // (position, arch): a CUDA image's position is the first CUDA builder's.
    std::vector<std::pair<std::pair<size_t, unsigned>, DeviceImage>> Ordered;
    std::optional<size_t> FirstCuda;
    for (size_t I = 0; I < Builders.size(); ++I) {
      if (!Built[I] || !Requests[I].Embed)
        continue;
      for (BuiltImage &Image : *Built[I]) {
        if (!Image.Embedded)
          continue;
        if (Image.CudaArch && !FirstCuda)
          FirstCuda = I;
        size_t Position = Image.CudaArch ? *FirstCuda : I;
        Ordered.push_back(
            {{Position, Image.CudaArch},
             {Builders[I]->format(), std::move(Image.Bytes), Image.CudaArch,
              std::move(Image.Omitted), Image.Facts}});
      }
    }
    llvm::stable_sort(Ordered, [](const auto &X, const auto &Y) {
      return X.first < Y.first;
    });
    std::vector<DeviceImage> Images;
    for (auto &Entry : Ordered)
      Images.push_back(std::move(Entry.second));
    return Images;
  }

  llvm::Error compileDevice(llvm::Module &M) {
    attachKernelMetadata(M, Kernels);
    Timer.start("device pipeline -O" + std::to_string(Opts.Frontend.OptLevel));
    // The work-group algorithms read the warp query: an image whose
    // sub-groups are warps gets its own run of the pipeline, so that the
    // other images' code is what it is without the warp path.
    if (M.getGlobalVariable(WarpSubGroupQueryName) &&
        llvm::any_of(neededBuilders(), [&](size_t I) {
          return Builders[I]->wantsWarpSubGroups();
        })) {
      WarpModule = llvm::CloneModule(M);
      if (auto E = runDevicePipeline(*WarpModule, Opts.Frontend.OptLevel,
                                     /*WarpSubGroups=*/true))
        return E;
    }
    if (auto E = runDevicePipeline(M, Opts.Frontend.OptLevel,
                                   Opts.SPIRV.WarpGroupAlgorithms))
      return E;
    if (auto E = checkBackend("device pipeline"))
      return E;
    if (Opts.Frontend.Debug == DebugInfo::None) {
      stripLineTables(M);
      if (WarpModule)
        stripLineTables(*WarpModule);
    }

    if (emits(EmitKind::LLVM)) {
      std::string Text;
      llvm::raw_string_ostream OS(Text);
      M.print(OS, nullptr);
      Outputs.add(Names.llvmIR(), std::move(OS.str()));
    }

    std::vector<std::optional<std::vector<BuiltImage>>> Built(Builders.size());
    for (size_t I : neededBuilders())
      if (auto E = buildImages(I, M, Built))
        return E;
    if (!warnOmitted())
      return llvm::make_error<CompileFailure>();

    if (emits(EmitKind::Stub)) {
      Timer.start("stub generation");
      StubInput In;
      In.Sources = Opts.Sources;
      In.ModuleName = llvm::sys::path::filename(Names.Prefix).str();
      In.GeneratorVersion = versionString();
      In.Kernels = Kernels;
      In.Images = embeddedImages(Built);
      Outputs.add(Names.header(), generateStubHeader(In));
      Outputs.add(Names.source(), generateStubSource(In));
    }
    return llvm::Error::success();
  }
};

} // namespace

bool parseEmitList(const std::string &List, std::vector<EmitKind> &Out,
                   std::string &Bad) {
  return parseList<EmitKind>(List,
                             {{"spirv", EmitKind::SPIRV},
                              {"stub", EmitKind::Stub},
                              {"llvm", EmitKind::LLVM},
                              {"spirv-asm", EmitKind::SPIRVAsm},
                              {"ptx", EmitKind::PTX},
                              {"device-lib", EmitKind::DeviceLib},
                              {"spir", EmitKind::SPIR}},
                             Out, Bad);
}

bool parseTargetList(const std::string &List, std::vector<TargetKind> &Out,
                     std::string &Bad) {
  if (!parseList<TargetKind>(List,
                             {{"spirv", TargetKind::SPIRV},
                              {"spir", TargetKind::SPIR},
                              {"cuda", TargetKind::CUDA}},
                             Out, Bad))
    return false;
  // The SPIR-V image is always embedded.
  if (!llvm::is_contained(Out, TargetKind::SPIRV))
    Out.insert(Out.begin(), TargetKind::SPIRV);
  return true;
}

bool parseCudaArchList(const std::string &List, std::vector<unsigned> &Out,
                       std::string &Bad) {
  Out.clear();
  llvm::SmallVector<llvm::StringRef, 8> Items;
  llvm::StringRef(List).split(Items, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Item : Items) {
    std::optional<unsigned> Arch = parseCudaArch(Item.trim());
    if (!Arch) {
      Bad = Item.str();
      return false;
    }
    Out.push_back(*Arch);
  }
  llvm::sort(Out);
  Out.erase(std::unique(Out.begin(), Out.end()), Out.end());
  return true;
}

int runCompiler(const CompilerOptions &Options, llvm::raw_ostream &Out,
                llvm::raw_ostream &Err) {
  Err.enable_colors(Options.Frontend.ShowColors);
  if (llvm::Error E = checkOptions(Options)) {
    printDiagnostic(Err, DiagLevel::Error, "", llvm::toString(std::move(E)));
    return 2;
  }
  Compilation C(Options, Out, Err);
  if (Options.PrintCommands)
    return C.printCommands();
  // LLVM exits after the handler returns; the handler has cleaned up, and
  // the exit guard below gives that exit the internal error's status.
  llvm::ScopedFatalErrorHandler OnFatal(
      [](void *Self, const char *Reason, bool) {
        static_cast<Compilation *>(Self)->internalError(Reason);
      },
      &C);
  // SPIRV-LLVM-Translator exit()s on IR it cannot take. The device pipeline
  // legalises what it is known to reject; anything else ends here.
  ExitGuard OnExit([&C] { C.internalError("a library ended the process"); });
  llvm::CrashRecoveryContext::Enable();
  llvm::CrashRecoveryContext CRC;
  int Status = 1;
  if (!CRC.RunSafely([&] { Status = C.run(); })) {
    C.internalError("crash");
    return ExitGuard::Status;
  }
  return Status;
}

} // namespace dpex
