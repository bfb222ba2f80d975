// The rules a CompilerOptions must meet, one place for dpexc and for any
// other caller of runCompiler.
#include "dpex/compiler/Driver.h"
#include "dpex/compiler/Targets.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"

namespace dpex {

static llvm::Error reject(const std::string &Message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Message);
}

std::string expectedCudaArchs() {
  return "(expected a list of " + cudaArchList(supportedCudaArchs()) +
         "; newer GPUs run the highest of these; with --cuda-sass also " +
         cudaArchList(sassOnlyCudaArchs()) + ")";
}

// A SASS-only arch has no PTX of its own: without --cuda-sass nothing at
// all would be embedded for it.
static llvm::Error checkCudaOptions(const CudaImageOptions &CUDA) {
  if (CUDA.Archs.empty())
    return reject("--cuda-arch names no arch " + expectedCudaArchs());
  for (unsigned Arch : CUDA.Archs) {
    if (!parseCudaArch(cudaArchName(Arch)))
      return reject("unsupported --cuda-arch '" + cudaArchName(Arch) + "' " +
                    expectedCudaArchs());
    if (isSASSOnlyCudaArch(Arch) && !CUDA.SASS)
      return reject(
          "--cuda-arch=" + cudaArchName(Arch) +
          " needs --cuda-sass: LLVM 15 emits PTX up to sm_86, so only SASS "
          "is built for " +
          cudaArchList(sassOnlyCudaArchs()) +
          " (without --cuda-sass those GPUs run the PTX of a lower arch)");
  }
  if (!CUDA.LibDevice.empty() && CUDA.LibDevice != "none" &&
      !llvm::sys::fs::is_regular_file(CUDA.LibDevice))
    return reject("no such file: --cuda-libdevice='" + CUDA.LibDevice +
                  "' (a libdevice.10.bc, or 'none' for libclc's math)");
  return llvm::Error::success();
}

static llvm::Error checkFrontendOptions(const FrontendOptions &FE) {
  if (!llvm::is_contained(llvm::ArrayRef<llvm::StringRef>{"c++17", "c++20",
                                                          "gnu++17", "gnu++20"},
                          FE.Standard))
    return reject("invalid value '" + FE.Standard +
                  "' in '-std=' (expected c++17, c++20, gnu++17 or "
                  "gnu++20)");
  if (FE.OptLevel > 3)
    return reject("invalid optimisation level " + std::to_string(FE.OptLevel) +
                  " (expected 0 to 3)");
  if (!FE.CompilationDatabaseDir.empty() &&
      !llvm::sys::fs::is_directory(FE.CompilationDatabaseDir))
    return reject("no such directory: -p '" + FE.CompilationDatabaseDir + "'");
  return llvm::Error::success();
}

llvm::Error checkOptions(const CompilerOptions &Options) {
  if (Options.Sources.empty())
    return reject("no input files");
  for (const std::string &S : Options.Sources)
    if (!llvm::sys::fs::is_regular_file(S))
      return reject("no such file: '" + S + "'");
  if (auto E = checkCudaOptions(Options.CUDA))
    return E;
  if (auto E = checkFrontendOptions(Options.Frontend))
    return E;
  for (const std::string &Lib : Options.DeviceLibs)
    if (!llvm::sys::fs::is_regular_file(Lib))
      return reject("no such file: --device-lib '" + Lib + "'");
  return llvm::Error::success();
}

} // namespace dpex
