// dpexc: command-line parsing only; the compiler lives in lib/.
#include "dpex/compiler/Driver.h"
#include "dpex/compiler/Targets.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// Clang spells some long options with one dash; CLI11 wants two.
std::vector<std::string> normalizeArgs(int argc, char **argv) {
  std::vector<std::string> Args;
  for (int I = argc - 1; I >= 1; --I) { // CLI11 takes them in reverse
    std::string A = argv[I];
    // clang's spellings of long options; CLI11 wants two dashes.
    if (A.rfind("-std=", 0) == 0 || A == "-MD" || A == "-MF" ||
        A == "-gline-tables-only" || A == "-ffast-math")
      A = "-" + A;
    Args.push_back(A);
  }
  return Args;
}

// Installed layout: <prefix>/bin/dpexc next to <prefix>/include/dpex.
std::string installedIncludeDir(const char *Argv0) {
  std::string Exe =
      llvm::sys::fs::getMainExecutable(Argv0, (void *)&installedIncludeDir);
  llvm::SmallString<256> Dir(
      llvm::sys::path::parent_path(llvm::sys::path::parent_path(Exe)));
  llvm::sys::path::append(Dir, "include");
  llvm::SmallString<256> Header(Dir);
  llvm::sys::path::append(Header, "dpex", "kernel.hpp");
  return llvm::sys::fs::exists(Header) ? std::string(Dir) : std::string();
}

// {50, 80} -> "sm_50,sm_80".
std::string archList(llvm::ArrayRef<unsigned> Archs) {
  std::string List;
  for (unsigned Arch : Archs)
    List += (List.empty() ? "" : ",") + dpex::cudaArchName(Arch);
  return List;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM X(argc, argv);
  dpex::CompilerOptions Opts;
  std::string Emit = "spirv,stub", Targets = "spirv,spir,cuda";
  std::string CudaArchs = archList(Opts.CudaArchs);
  unsigned OptLevel = 2;
  bool WriteDepFile = false;
  std::string DepFile;

  CLI::App App{"dpexc: compiles annotated C++ kernels to SPIR-V and typed "
               "launcher stubs",
               "dpexc"};
  App.set_version_flag("--version", std::string("dpexc ") +
                                        dpex::versionString() +
                                        " (LLVM 15, SPIRV-LLVM-Translator)");
  App.add_option("sources", Opts.Sources, "Kernel source files")->required();
  App.add_option("-o", Opts.OutputPrefix,
                 "Output prefix (default: source name in the cwd)");
  App.add_option("--emit", Emit,
                 "Outputs: spirv,stub (default) | llvm | spirv-asm | ptx | "
                 "device-lib | spir");
  App.add_option("--targets", Targets,
                 "Device images to embed: spirv (always), spir, cuda; default "
                 "spirv,spir,cuda");
  App.add_option(
      "--cuda-arch", CudaArchs,
      "PTX targets, one image each (the runtime loads the best one the GPU "
      "runs): " +
          archList(dpex::supportedCudaArchs()) + "; default " + CudaArchs);
  App.add_option(
      "--cuda-libdevice", Opts.CudaLibDevice,
      "NVIDIA's libdevice.10.bc for the PTX image's math (default: under "
      "$CUDA_PATH or /usr/local/cuda, else libclc's math); 'none': libclc's");
  App.add_flag("--cuda-sass", Opts.CudaSASS,
               "Also embed SASS (cubin) for each --cuda-arch, built by ptxas");
  App.add_option("--ptxas", Opts.Ptxas,
                 "ptxas for --cuda-sass (default: PATH, $CUDA_PATH/bin, "
                 "/usr/local/cuda/bin)");
  App.add_option("-I", Opts.Frontend.IncludeDirs, "Add an include directory");
  App.add_option("-D", Opts.Frontend.Defines,
                 "Define a macro (NAME or NAME=VALUE)");
  App.add_option("--std", Opts.Frontend.Standard,
                 "Language standard (-std=c++17|c++20)")
      ->check(CLI::IsMember({"c++17", "c++20", "gnu++17", "gnu++20"}));
  App.add_option("-O", OptLevel, "Optimisation level (-O0..-O3)")
      ->check(CLI::Range(0, 3));
  bool Debug = false, LineTablesOnly = false;
  App.add_flag("-g", Debug, "Debug info in every image (SPIR-V, spir, PTX)");
  App.add_flag("--gline-tables-only", LineTablesOnly,
               "Line tables only (-gline-tables-only; PTX: .loc lines, as nvcc "
               "-lineinfo)");
  App.add_flag(
      "--ffast-math", Opts.Frontend.FastMath,
      "Relaxed floating point, as clang's -ffast-math (off by default)");
  App.add_option("--device-lib", Opts.DeviceLibs, "Link a device library (.bc)")
      ->check(CLI::ExistingFile);
  App.add_flag("--MD", WriteDepFile, "Write a Make-style depfile (-MD)");
  App.add_option("--MF", DepFile, "Depfile path (-MF <file>)");
  App.add_option(
         "-p", Opts.Frontend.CompilationDatabaseDir,
         "Read include paths and defines from <dir>/compile_commands.json")
      ->check(CLI::ExistingDirectory);
  App.add_flag("--list-kernels", Opts.ListKernels,
               "Print the kernels and signatures as JSON");
  bool NoValidate = false;
  App.add_flag("--no-validate", NoValidate, "Skip SPIR-V validation");
  App.add_flag("-v", Opts.Verbose, "Show the pipeline stages");
  App.add_flag("--time-passes", Opts.TimePasses, "Show the time of each stage");

  try {
    App.parse(normalizeArgs(argc, argv));
  } catch (const CLI::CallForHelp &E) {
    return App.exit(E);
  } catch (const CLI::CallForVersion &E) {
    return App.exit(E);
  } catch (const CLI::ParseError &E) {
    llvm::errs() << "dpexc: error: " << E.what()
                 << "\nRun 'dpexc --help' for the options.\n";
    return 2;
  }

  std::string Bad;
  if (!dpex::parseEmitList(Emit, Opts.Emit, Bad) || Opts.Emit.empty()) {
    llvm::errs()
        << "dpexc: error: unknown --emit kind '" << Bad
        << "' (expected spirv, stub, llvm, spirv-asm, ptx, device-lib, spir)\n";
    return 2;
  }
  if (!dpex::parseTargetList(Targets, Opts.Targets, Bad)) {
    llvm::errs() << "dpexc: error: unknown --targets entry '" << Bad
                 << "' (expected spirv, spir, cuda)\n";
    return 2;
  }
  if (!dpex::parseCudaArchList(CudaArchs, Opts.CudaArchs, Bad) ||
      Opts.CudaArchs.empty()) {
    llvm::errs()
        << "dpexc: error: "
        << (Opts.CudaArchs.empty() && Bad.empty()
                ? std::string("--cuda-arch names no arch")
                : "unsupported --cuda-arch '" + Bad + "'")
        << " (expected a list of " << archList(dpex::supportedCudaArchs())
        << "; newer GPUs run the highest of these; with --cuda-sass also "
        << archList(dpex::sassOnlyCudaArchs()) << ")\n";
    return 2;
  }
  for (unsigned Arch : Opts.CudaArchs)
    if (dpex::isSASSOnlyCudaArch(Arch) && !Opts.CudaSASS) {
      llvm::errs()
          << "dpexc: error: --cuda-arch=" << dpex::cudaArchName(Arch)
          << " needs --cuda-sass: LLVM 15 emits PTX up to sm_86, so only SASS "
             "is built for "
          << archList(dpex::sassOnlyCudaArchs())
          << " (without --cuda-sass those GPUs run the PTX of a lower arch)\n";
      return 2;
    }
  if (!Opts.CudaLibDevice.empty() && Opts.CudaLibDevice != "none" &&
      !llvm::sys::fs::is_regular_file(Opts.CudaLibDevice)) {
    llvm::errs() << "dpexc: error: no such file: --cuda-libdevice='"
                 << Opts.CudaLibDevice
                 << "' (a libdevice.10.bc, or 'none' for libclc's math)\n";
    return 2;
  }
  for (const std::string &S : Opts.Sources)
    if (!llvm::sys::fs::is_regular_file(S)) {
      llvm::errs() << "dpexc: error: no such file: '" << S << "'\n";
      return 2;
    }
  Opts.Frontend.OptLevel = OptLevel;
  // Given both -g and -gline-tables-only, the fuller wins (clang: the last).
  Opts.Frontend.Debug = Debug            ? dpex::DebugInfo::Full
                        : LineTablesOnly ? dpex::DebugInfo::LineTablesOnly
                                         : dpex::DebugInfo::None;
  Opts.Validate = !NoValidate;
  Opts.Frontend.DpexIncludeDir = installedIncludeDir(argv[0]);
  if (WriteDepFile) {
    Opts.DepFile = DepFile;
    if (Opts.DepFile.empty())
      Opts.DepFile = (Opts.OutputPrefix.empty()
                          ? llvm::sys::path::stem(Opts.Sources.front()).str()
                          : Opts.OutputPrefix) +
                     ".d";
  }
  return dpex::runCompiler(Opts, llvm::outs(), llvm::errs());
}
