// NVIDIA's libdevice, found and linked into the PTX image's module. Linking
// is a builder step, not a rewrite: it adds the definitions that
// dpex-nvptx-use-libdevice-math's `__nv_*` declarations ask for, from the
// file the builder's options name.
#include "LibDeviceMath.h"
#include "CudaToolkit.h"
#include "dpex/compiler/Targets.h"

#include "llvm/IR/Module.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/Support/SourceMgr.h"

#include <vector>

namespace dpex {

static llvm::Error fail(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg.str());
}

std::string findLibDevice() {
  return findInCudaToolkit("nvvm/libdevice/libdevice.10.bc",
                           /*Executable=*/false);
}

llvm::Error linkLibDevice(llvm::Module &M, llvm::StringRef LibDevicePath) {
  std::vector<std::string> Wanted;
  for (const llvm::Function &F : M)
    if (F.isDeclaration() && F.getName().startswith("__nv_"))
      Wanted.push_back(F.getName().str());
  if (Wanted.empty())
    return llvm::Error::success();

  llvm::SMDiagnostic Diag;
  std::unique_ptr<llvm::Module> Lib =
      llvm::getLazyIRFileModule(LibDevicePath, Diag, M.getContext());
  if (!Lib)
    return fail("cannot read libdevice '" + LibDevicePath +
                "': " + Diag.getMessage());
  // libdevice says "nvptx64-nvidia-gpulibs" and an older data layout; its
  // code is for this target all the same.
  Lib->setTargetTriple(M.getTargetTriple());
  Lib->setDataLayout(M.getDataLayout());
  Lib->setModuleIdentifier("libdevice"); // no path in anything derived
  if (llvm::Linker::linkModules(M, std::move(Lib),
                                llvm::Linker::LinkOnlyNeeded))
    return fail("cannot link libdevice '" + LibDevicePath +
                "' into the device module");
  for (const std::string &Name : Wanted) {
    llvm::Function *F = M.getFunction(Name);
    if (!F || F->isDeclaration())
      return fail("'" + LibDevicePath + "' is not libdevice: it lacks " + Name);
  }
  return llvm::Error::success();
}

} // namespace dpex
