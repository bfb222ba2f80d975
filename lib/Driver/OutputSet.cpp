#include "OutputSet.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

namespace dpex {

llvm::Error OutputSet::commit() const {
  for (const auto &[Path, Contents] : Files) {
    llvm::Error E = llvm::writeToOutput(Path, [&](llvm::raw_ostream &OS) {
      OS << Contents;
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
