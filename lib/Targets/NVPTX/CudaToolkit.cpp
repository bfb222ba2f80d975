// The CUDA toolkit search (CudaToolkit.h).
#include "CudaToolkit.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

namespace dpex {

std::string findInCudaToolkit(llvm::StringRef Relative, bool Executable) {
  llvm::SmallVector<std::string, 2> Roots;
  if (llvm::Optional<std::string> CudaPath =
          llvm::sys::Process::GetEnv("CUDA_PATH"))
    if (!CudaPath->empty())
      Roots.push_back(*CudaPath);
  Roots.push_back("/usr/local/cuda");
  for (const std::string &Root : Roots) {
    llvm::SmallString<256> Path(Root);
    llvm::sys::path::append(Path, Relative);
    if (Executable ? llvm::sys::fs::can_execute(Path)
                   : llvm::sys::fs::is_regular_file(Path))
      return std::string(Path);
  }
  return "";
}

} // namespace dpex
