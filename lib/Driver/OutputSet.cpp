#include "OutputSet.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace dpex {

llvm::Error OutputSet::commit() const {
  for (const auto &File : Files) {
    // Not a structured binding: C++17 lambdas cannot capture those, and clang
    // (the fuzzing build) rejects it where g++ accepts it.
    const std::string &Path = File.first;
    llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
      OS << File.second;
      return llvm::Error::success();
    });
    if (E) {
      removeStale();
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write '%s': %s", Path.c_str(),
                                     llvm::toString(std::move(E)).c_str());
    }
  }
  return llvm::Error::success();
}

void OutputSet::removeStale() const {
  for (const std::string &Path : Expected)
    llvm::sys::fs::remove(Path);
  for (const auto &File : Files)
    llvm::sys::fs::remove(File.first);
}

} // namespace dpex
