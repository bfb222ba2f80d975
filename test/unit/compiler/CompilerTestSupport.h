// Runs the compiler library on a test input into a fresh temporary directory.
#pragma once

#include "dpex/compiler/Driver.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace dpex::test {

inline std::string inputPath(const char *Name) {
  return std::string(DPEX_TEST_INPUTS) + "/" + Name;
}

inline std::string freshDir() {
  llvm::SmallString<128> Dir;
  if (llvm::sys::fs::createUniqueDirectory("dpex-test", Dir))
    return "";
  return std::string(Dir);
}

inline std::string readFile(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  return Buf ? (*Buf)->getBuffer().str() : std::string();
}

struct CompileRun {
  int Status;
  std::string Out, Err;
};

inline CompileRun compile(CompilerOptions Opts) {
  CompileRun R;
  llvm::raw_string_ostream Out(R.Out), Err(R.Err);
  R.Status = runCompiler(Opts, Out, Err);
  Out.flush();
  Err.flush();
  return R;
}

} // namespace dpex::test
