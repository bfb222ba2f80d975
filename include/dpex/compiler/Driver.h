// The compiler as a library: everything `dpexc` does, driven by one options
// struct, so tools and tests share a single implementation.
#pragma once

#include "dpex/compiler/Frontend.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace dpex {

enum class EmitKind { SPIRV, Stub, LLVM, SPIRVAsm, PTX, DeviceLib, SPIR };
enum class TargetKind { SPIRV, SPIR, CUDA };

// The SPIR-V image builder's part of the options (lib/Targets/SPIRV).
struct SPIRVImageOptions {
  // SPIRV-Tools validation of the image (--no-validate: off).
  bool Validate = true;
  // A test hook (--test-warp-group-algorithms-in-spirv): the work-group
  // algorithms' warp-then-block path in the SPIR-V image, as the PTX image
  // has it, for a device with sub-groups to run.
  bool WarpGroupAlgorithms = false;
};

// The CUDA target's part, read by its builders only (ptx and cubin,
// lib/Targets/NVPTX).
struct CudaImageOptions {
  // One PTX image per arch (sm_80 is 80), ascending. sm_50 is the oldest GPU
  // a CUDA 12 or 13 driver runs, so the default loads everywhere; Ampere and
  // newer GPUs load the sm_80 image instead, in a recent PTX ISA (7.0, not
  // 4.0), ready for lowerings that use instructions sm_50 lacks.
  std::vector<unsigned> Archs = {50, 80};
  // --cuda-libdevice: libdevice.10.bc for the PTX image's math; "" looks
  // in the CUDA toolkit, "none" takes libclc's math.
  std::string LibDevice;
  // --cuda-sass: a cubin per arch besides the PTX, built by `Ptxas` ("":
  // found on PATH or in the CUDA toolkit).
  bool SASS = false;
  std::string Ptxas;
};

// One compilation: the driver's own options, then each stage's part. The
// -O level, debug info and fast math are the frontend's choices; the driver
// hands later stages what they need of them.
struct CompilerOptions {
  std::vector<std::string> Sources;
  std::string OutputPrefix; // empty: the first source's stem in the cwd
  std::vector<EmitKind> Emit = {EmitKind::SPIRV, EmitKind::Stub};
  // Every image by default: one artifact loads on OpenCL (SPIR-V or SPIR)
  // and CUDA devices alike.
  std::vector<TargetKind> Targets = {TargetKind::SPIRV, TargetKind::SPIR,
                                     TargetKind::CUDA};
  std::vector<std::string> DeviceLibs;
  std::string DepFile;                     // -MD -MF <file>; empty: none
  std::vector<std::string> DepFileTargets; // -MT; empty: every output
  // -fsyntax-only: the frontend's checks and --list-kernels, no outputs.
  bool SyntaxOnly = false;
  // -###: print the frontend's clang -cc1 command and each later stage on
  // `Err`, one line each, and run none of them.
  bool PrintCommands = false;
  bool ListKernels = false;
  bool Verbose = false;
  bool TimePasses = false;

  FrontendOptions Frontend;
  SPIRVImageOptions SPIRV;
  CudaImageOptions CUDA;
};

// The rules a CompilerOptions must meet, checked by runCompiler before it
// starts (and by dpexc, as usage errors): sources that exist, a known C++
// standard, CUDA archs that can be built with the options given, files and
// directories that the options name. The message is dpexc's usage error.
llvm::Error checkOptions(const CompilerOptions &Options);
// What --cuda-arch accepts, as usage errors say it: "(expected ...)".
std::string expectedCudaArchs();

// Parses "spirv,stub" style lists; false on an unknown name (put in `Bad`).
bool parseEmitList(const std::string &List, std::vector<EmitKind> &Out,
                   std::string &Bad);
bool parseTargetList(const std::string &List, std::vector<TargetKind> &Out,
                     std::string &Bad);
// "sm_80,sm_50" -> {50, 80}: sorted, without duplicates; false on a name
// that is not a supported arch (put in `Bad`).
bool parseCudaArchList(const std::string &List, std::vector<unsigned> &Out,
                       std::string &Bad);

// The warnings dpexc itself reports (clang reports the others), each named
// by the flag that turns it off with -Wno-: -W, -Werror, -Werror=, -w as
// for clang's (Frontend.Warnings, Frontend.NoWarnings).
constexpr const char *EmptyModuleWarning = "empty-module";
constexpr const char *OmittedKernelWarning = "omitted-kernel";

enum class DiagLevel { Note, Warning, Error };

// "<Where>: <level>: <Message>" ("<level>: <Message>" without `Where`) and a
// newline, coloured as clang colours its diagnostics where `OS` has colours
// enabled (raw_ostream::enable_colors).
void printDiagnostic(llvm::raw_ostream &OS, DiagLevel Level,
                     llvm::StringRef Where, llvm::StringRef Message);

// Runs the whole compilation. Returns the process exit status: 0 success,
// 1 compile error (diagnostics written to `Err`), 2 options that
// checkOptions rejects (its message written to `Err`, no file touched),
// 3 internal error (a crash; a library's exit() or LLVM fatal error ends the
// process with 3 instead of returning). Every other failure removes the
// outputs. `Out` gets --list-kernels.
int runCompiler(const CompilerOptions &Options, llvm::raw_ostream &Out,
                llvm::raw_ostream &Err);

const char *versionString();
// The libraries' versions, as "LLVM 15.0.6", one line each.
std::vector<std::string> componentVersions();

} // namespace dpex
