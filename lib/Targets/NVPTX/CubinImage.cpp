// SASS for NVIDIA GPUs: the PTX image compiled by NVIDIA's ptxas into a
// cubin, which the driver loads without JIT-compiling anything. Only with
// --cuda-sass, since it makes dpexc's output depend on the CUDA toolkit.
#include "CudaToolkit.h"
#include "dpex/compiler/Targets.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"

namespace dpex {
namespace {

llvm::Error fail(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg.str());
}

llvm::Expected<std::string> tempFile(llvm::StringRef Suffix) {
  llvm::SmallString<128> Path;
  if (std::error_code EC =
          llvm::sys::fs::createTemporaryFile("dpexc-sass", Suffix, Path))
    return fail("cannot create a temporary file for ptxas: " + EC.message());
  return std::string(Path);
}

} // namespace

std::string findPtxas() {
  if (llvm::ErrorOr<std::string> OnPath = llvm::sys::findProgramByName("ptxas"))
    return *OnPath;
  return findInCudaToolkit("bin/ptxas", /*Executable=*/true);
}

llvm::Expected<std::string> buildCubin(const std::string &PTX, unsigned Arch,
                                       const std::string &Ptxas) {
  auto In = tempFile("ptx"), Out = tempFile("cubin"), Log = tempFile("log");
  if (!In || !Out || !Log)
    return llvm::joinErrors(llvm::joinErrors(In.takeError(), Out.takeError()),
                            Log.takeError());
  llvm::FileRemover RemoveIn(*In), RemoveOut(*Out), RemoveLog(*Log);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(*In, EC);
    if (EC)
      return fail("cannot write '" + *In + "': " + EC.message());
    OS << PTX;
  }
  std::string ArchFlag = "-arch=" + cudaArchName(Arch);
  llvm::StringRef Args[] = {Ptxas, ArchFlag, "-O3", "-o", *Out, *In};
  llvm::Optional<llvm::StringRef> Redirects[] = {
      llvm::StringRef(""), llvm::StringRef(*Log), llvm::StringRef(*Log)};
  std::string ExecError;
  int Status = llvm::sys::ExecuteAndWait(Ptxas, Args, llvm::None, Redirects,
                                         /*SecondsToWait=*/0, /*MemoryLimit=*/0,
                                         &ExecError);
  if (Status != 0) {
    std::string Output;
    if (auto Buf = llvm::MemoryBuffer::getFile(*Log))
      Output = llvm::StringRef((*Buf)->getBuffer()).trim().str();
    return fail(
        "ptxas '" + Ptxas + "' cannot build SASS for " + cudaArchName(Arch) +
        " (" +
        (Status < 0 ? ExecError : "exit status " + std::to_string(Status)) +
        ")" + (Output.empty() ? "" : ": " + Output));
  }
  auto Cubin = llvm::MemoryBuffer::getFile(*Out, /*IsText=*/false,
                                           /*RequiresNullTerminator=*/false);
  if (!Cubin)
    return fail("cannot read ptxas's output: " + Cubin.getError().message());
  return (*Cubin)->getBuffer().str();
}

} // namespace dpex
