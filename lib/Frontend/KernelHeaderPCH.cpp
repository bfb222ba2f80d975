#include "KernelHeaderPCH.h"

#include "clang/Basic/Version.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/CompilerInvocation.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Frontend/Utils.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/SHA1.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace clang;

namespace dpex {

llvm::StringRef libstdcxxDevicePredefines() {
  return "#if __has_include(<bits/c++config.h>)\n"
         "#include <bits/c++config.h>\n"
         "#undef _GLIBCXX_USE_C99_COMPLEX_TR1\n"
         "#define _GLIBCXX_USE_C99_COMPLEX_TR1 0\n"
         "#endif\n";
}

bool opensWithKernelHeader(llvm::StringRef Source) {
  Source.consume_front("\xEF\xBB\xBF");
  while (true) {
    Source = Source.ltrim();
    if (Source.consume_front("//")) {
      Source = Source.drop_until([](char C) { return C == '\n'; });
    } else if (Source.consume_front("/*")) {
      size_t End = Source.find("*/");
      if (End == llvm::StringRef::npos)
        return false;
      Source = Source.drop_front(End + 2);
    } else {
      break;
    }
  }
  if (!Source.consume_front("#"))
    return false;
  Source = Source.ltrim(" \t");
  if (!Source.consume_front("include"))
    return false;
  Source = Source.ltrim(" \t");
  if (!Source.consume_front("<dpex/kernel.hpp>"))
    return false;
  // Nothing but a comment may follow on the line.
  llvm::StringRef Rest = Source.take_until([](char C) { return C == '\n'; });
  Rest = Rest.trim();
  return Rest.empty() || Rest.startswith("//");
}

namespace {

constexpr llvm::StringLiteral ManifestMagic = "dpex-kernel-header-pch 1";

// The cache's place, as the runtime's program cache finds it
// (docs/runtime.md, "Program cache"), in its own subdirectory.
llvm::Optional<std::string> cacheDirectory() {
  auto env = [](const char *Name) -> std::string {
    llvm::Optional<std::string> V = llvm::sys::Process::GetEnv(Name);
    return V ? *V : std::string();
  };
  std::string Mode = llvm::StringRef(env("DPEX_CACHE")).lower();
  if (Mode == "off" || Mode == "0" || Mode == "false" || Mode == "no")
    return llvm::None;
  llvm::SmallString<256> Dir;
  std::string XDG = env("XDG_CACHE_HOME");
  if (!env("DPEX_CACHE_DIR").empty()) {
    Dir = env("DPEX_CACHE_DIR");
  } else if (!XDG.empty() && llvm::sys::path::is_absolute(XDG)) {
    Dir = XDG;
    llvm::sys::path::append(Dir, "dpex");
  } else if (!env("HOME").empty()) {
    Dir = env("HOME");
    llvm::sys::path::append(Dir, ".cache", "dpex");
  } else {
    return llvm::None;
  }
  llvm::sys::path::append(Dir, "pch");
  return std::string(Dir);
}

// Everything that decides the header's parsed state: the compiler (clang's
// version and this executable, whose frontend adds its own predefines) and
// the arguments. The headers' own state is checked against the manifest.
std::string cacheKey(llvm::ArrayRef<std::string> Args) {
  llvm::SHA1 Hash;
  auto add = [&](llvm::StringRef S) {
    Hash.update(S);
    Hash.update(llvm::StringRef("\0", 1));
  };
  add(getClangFullVersion());
  static int Anchor;
  std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, &Anchor);
  llvm::sys::fs::file_status Status;
  if (!llvm::sys::fs::status(Exe, Status)) {
    add(Exe);
    add(std::to_string(Status.getSize()));
    add(std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime())));
  }
  add(libstdcxxDevicePredefines());
  for (const std::string &A : Args)
    add(A);
  return llvm::toHex(Hash.final(), /*LowerCase=*/true);
}

// "S|U size mtime path" per header: what clang checks of each input when
// it loads a precompiled header, checked here first so that a changed
// header means a rebuild, not a failed load.
std::string stamp(const std::string &Path) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Path, Status))
    return "";
  return std::to_string(Status.getSize()) + " " +
         std::to_string(llvm::sys::toTimeT(Status.getLastModificationTime()));
}

llvm::Optional<std::vector<HeaderDependency>>
readManifest(const std::string &Path) {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return llvm::None;
  llvm::SmallVector<llvm::StringRef, 128> Lines;
  (*Buffer)->getBuffer().split(Lines, '\n', -1, /*KeepEmpty=*/false);
  if (Lines.empty() || Lines.front() != ManifestMagic)
    return llvm::None;
  std::vector<HeaderDependency> Deps;
  for (llvm::StringRef Line : llvm::drop_begin(Lines)) {
    auto [Kind, Rest] = Line.split(' ');
    auto [Size, Rest2] = Rest.split(' ');
    auto [Time, File] = Rest2.split(' ');
    if ((Kind != "S" && Kind != "U") || File.empty() ||
        stamp(File.str()) != (Size + " " + Time).str())
      return llvm::None;
    Deps.push_back({File.str(), Kind == "S"});
  }
  return Deps;
}

// Every file the header build reads, system headers included, once each.
class HeaderRecorder : public DependencyCollector {
public:
  std::vector<HeaderDependency> Headers;

private:
  llvm::StringSet<> Seen;
  bool needSystemDependencies() override { return true; }
  bool sawDependency(llvm::StringRef File, bool FromModule, bool IsSystem,
                     bool IsModuleFile, bool IsMissing) override {
    if (!DependencyCollector::sawDependency(File, FromModule, IsSystem,
                                            IsModuleFile, IsMissing))
      return false;
    if (Seen.insert(File).second)
      Headers.push_back({File.str(), IsSystem});
    return true;
  }
};

class KernelHeaderPCHAction : public GeneratePCHAction {
  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Preprocessor &PP = CI.getPreprocessor();
    PP.setPredefines(PP.getPredefines() + libstdcxxDevicePredefines().str());
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }
};

bool writeAtomically(const std::string &Path, llvm::StringRef Text) {
  std::string Temp =
      Path + ".tmp" + std::to_string(llvm::sys::Process::getProcessId());
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Temp, EC);
    if (EC)
      return false;
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      OS.clear_error();
      llvm::sys::fs::remove(Temp);
      return false;
    }
  }
  if (llvm::sys::fs::rename(Temp, Path)) {
    llvm::sys::fs::remove(Temp);
    return false;
  }
  return true;
}

llvm::Optional<std::vector<HeaderDependency>>
buildPCH(llvm::ArrayRef<std::string> Args, const std::string &Output,
         const std::string &Manifest) {
  // The header is compiled as the prefix of a source that includes it.
  const std::string MainName = Output + ".hpp";
  std::vector<const char *> CArgs;
  for (const std::string &A : Args)
    CArgs.push_back(A.c_str());
  CArgs.push_back("-emit-pch");
  CArgs.push_back("-o");
  CArgs.push_back(Output.c_str());
  CArgs.push_back(MainName.c_str());

  std::string Printed;
  llvm::raw_string_ostream PrintedOS(Printed);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> DiagOpts = new DiagnosticOptions;
  TextDiagnosticPrinter Printer(PrintedOS, &*DiagOpts);
  llvm::IntrusiveRefCntPtr<DiagnosticsEngine> Diags = new DiagnosticsEngine(
      new DiagnosticIDs, DiagOpts, &Printer, /*ShouldOwnClient=*/false);
  auto Invocation = std::make_shared<CompilerInvocation>();
  if (!CompilerInvocation::CreateFromArgs(*Invocation, CArgs, *Diags))
    return llvm::None;
  Invocation->getPreprocessorOpts().addRemappedFile(
      MainName, llvm::MemoryBuffer::getMemBufferCopy(
                    "#include <dpex/kernel.hpp>\n", MainName)
                    .release());

  CompilerInstance CI;
  CI.setInvocation(Invocation);
  CI.createDiagnostics(&Printer, /*ShouldOwnClient=*/false);
  auto Recorder = std::make_shared<HeaderRecorder>();
  CI.addDependencyCollector(Recorder);
  KernelHeaderPCHAction Action;
  bool OK = CI.ExecuteAction(Action);
  if (!OK || !Printed.empty() || CI.getDiagnostics().hasErrorOccurred() ||
      Recorder->Headers.empty()) {
    llvm::sys::fs::remove(Output);
    return llvm::None;
  }
  // The first file is the one-line prefix itself.
  std::vector<HeaderDependency> Headers(Recorder->Headers.begin() + 1,
                                        Recorder->Headers.end());
  std::string Text = ManifestMagic.str() + "\n";
  for (const HeaderDependency &H : Headers) {
    std::string Stamp = stamp(H.Path);
    if (Stamp.empty())
      return llvm::None;
    Text += (H.System ? "S " : "U ") + Stamp + " " + H.Path + "\n";
  }
  if (!writeAtomically(Manifest, Text))
    return llvm::None;
  return Headers;
}

} // namespace

llvm::Optional<KernelHeaderPCH>
findOrBuildKernelHeaderPCH(llvm::ArrayRef<std::string> Args) {
  llvm::Optional<std::string> Dir = cacheDirectory();
  if (!Dir)
    return llvm::None;
  std::string Key = cacheKey(Args);
  llvm::SmallString<256> Base(*Dir);
  llvm::sys::path::append(Base, Key);
  KernelHeaderPCH PCH;
  PCH.Path = (Base + ".pch").str();
  std::string Manifest = (Base + ".deps").str();
  if (llvm::sys::fs::exists(PCH.Path))
    if (llvm::Optional<std::vector<HeaderDependency>> Deps =
            readManifest(Manifest)) {
      PCH.Dependencies = std::move(*Deps);
      return PCH;
    }
  // Private to the user, as the program cache is.
  if (llvm::sys::fs::create_directories(*Dir, /*IgnoreExisting=*/true,
                                        llvm::sys::fs::perms::owner_all))
    return llvm::None;
  llvm::Optional<std::vector<HeaderDependency>> Deps =
      buildPCH(Args, PCH.Path, Manifest);
  if (!Deps)
    return llvm::None;
  PCH.Dependencies = std::move(*Deps);
  return PCH;
}

} // namespace dpex
