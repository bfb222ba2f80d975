// Arbitrary bytes as a kernel source, through the whole compiler in-process:
// frontend, device pipeline, SPIR-V emission and validation, the SPIR 1.2
// image and stub generation. Compile errors are expected; what must never
// happen is a crash, a sanitizer report, an LLVM fatal error (which exits) or
// an "internal compiler error" diagnostic, the driver's name for a crash it
// recovered from.
#include "dpex/compiler/Driver.h"

#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

// One scratch directory per fuzzing process; every input overwrites the same
// files, so a long campaign does not fill the disk.
std::string ScratchDir;

// An LLVM fatal error ends in exit(1) once the driver's handler has run.
// Aborting instead lets libFuzzer report it and save the input.
bool InCompiler = false;

void abortIfCompiling() {
  if (InCompiler) {
    std::fputs("dpexc_source_fuzzer: the compiler called exit()\n", stderr);
    std::abort();
  }
}

void removeScratch() {
  for (const char *Name :
       {"input.cpp", "out.spv", "out.dpex.hpp", "out.dpex.cpp"})
    std::remove((ScratchDir + "/" + Name).c_str());
  rmdir(ScratchDir.c_str());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  char Template[] = "/tmp/dpexc-fuzz-XXXXXX";
  if (!mkdtemp(Template)) {
    std::perror("dpexc_source_fuzzer: mkdtemp");
    std::abort();
  }
  ScratchDir = Template;
  std::atexit(removeScratch);
  std::atexit(abortIfCompiling);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *Data,
                                      std::size_t Size) {
  std::string Source = ScratchDir + "/input.cpp";
  {
    std::ofstream OS(Source, std::ios::binary | std::ios::trunc);
    OS.write(reinterpret_cast<const char *>(Data),
             static_cast<std::streamsize>(Size));
  }

  dpex::CompilerOptions Opts;
  Opts.Sources = {Source};
  Opts.OutputPrefix = ScratchDir + "/out";
  // The defaults: SPIR-V (validated) and the stub, which embeds the SPIR
  // image and the PTX of every default arch as well.
  std::string Diagnostics;
  llvm::raw_string_ostream Err(Diagnostics);
  llvm::raw_null_ostream Out;
  InCompiler = true;
  dpex::runCompiler(Opts, Out, Err);
  InCompiler = false;
  Err.flush();
  // Clang echoes source lines in its diagnostics, so the phrase alone could
  // come from the input; the driver's diagnostic also names the input file,
  // whose random directory name an input cannot know.
  std::string ICE = "' while compiling '" + Source + "'";
  if (Diagnostics.find("error: internal compiler error: ") !=
          std::string::npos &&
      Diagnostics.find(ICE) != std::string::npos) {
    std::fputs(Diagnostics.c_str(), stderr);
    std::abort();
  }
  return 0;
}
