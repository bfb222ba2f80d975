#include "OutputSet.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace dpex {

namespace {

// Writes `Contents` to a temporary file next to `Path`, then renames it over
// `Path`. Not llvm::writeToOutput: LLVM 15's creates its temporary file
// executable (0777 & ~umask), and the rename keeps that mode.
llvm::Error writeAtomically(const std::string &Path,
                            const std::string &Contents) {
  // A missing output folder is made, as for `clang -MF dir/x.d`.
  llvm::StringRef Dir = llvm::sys::path::parent_path(Path);
  if (!Dir.empty())
    if (std::error_code EC = llvm::sys::fs::create_directories(Dir))
      return llvm::errorCodeToError(EC);
  auto Temp = llvm::sys::fs::TempFile::create(
      Path + ".tmp-%%%%%%", llvm::sys::fs::all_read | llvm::sys::fs::all_write);
  if (!Temp)
    return Temp.takeError();
  {
    llvm::raw_fd_ostream OS(Temp->FD, /*shouldClose=*/false);
    OS << Contents;
    OS.flush();
    if (OS.has_error()) {
      std::error_code EC = OS.error();
      OS.clear_error();
      llvm::consumeError(Temp->discard());
      return llvm::errorCodeToError(EC);
    }
  }
  return Temp->keep(Path);
}

} // namespace

llvm::Error OutputSet::commit() const {
  for (const auto &[Path, Contents] : Files) {
    llvm::Error E = writeAtomically(Path, Contents);
    if (E) {
      removeStale();
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "cannot write '%s': %s", Path.c_str(),
                                     llvm::toString(std::move(E)).c_str());
    }
  }
  return llvm::Error::success();
}

// Files only: a directory with an output's name is the user's, not a stale
// output (fs::remove would take it if empty).
static void removeFile(const std::string &Path) {
  if (llvm::sys::fs::is_regular_file(Path))
    llvm::sys::fs::remove(Path);
}

void OutputSet::removeStale() const {
  for (const std::string &Path : Expected)
    removeFile(Path);
  for (const auto &File : Files)
    removeFile(File.first);
}

} // namespace dpex
