#include "DebugInfoFixup.h"
#include "dpex/compiler/SPIRV.h"
#include "dpex/compiler/Transforms.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/Utils/Cloning.h"

#include <sstream>
#include <vector>

namespace dpex {

llvm::Expected<std::string> emitSPIRV(llvm::Module &M,
                                      std::string *ReaderInput) {
  llvm::cantFail(
      runModulePasses(M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(LoopMetadataRemovalPass());
        MPM.addPass(SourceLanguageDeclarationPass());
        MPM.addPass(DebugLocationLegalizationPass());
        return llvm::Error::success();
      }));
  // SPIR-V 1.0: the version every OpenCL 2.1+ / 3.0 IL consumer accepts.
  // With debug info 1.1: the translator names the producer of the
  // OpenCL.DebugInfo.100 instructions in an OpModuleProcessed.
  bool DebugInfo = M.getNamedMetadata("llvm.dbg.cu") != nullptr;
  // DPEX_REQD_SUB_GROUP_SIZE's SubgroupSize execution mode is SPIR-V 1.1
  // (SubgroupDispatch).
  bool SubGroupSize = llvm::any_of(M, [](const llvm::Function &F) {
    return F.hasMetadata("intel_reqd_sub_group_size");
  });
  // SPV_INTEL_subgroups: the sub-group shuffles (select_from_group, ...),
  // declared by the translator only in an image that uses them.
  auto Options = [&](SPIRV::TranslatorOpts::ExtensionsStatusMap Ext) {
    Ext[SPIRV::ExtensionID::SPV_INTEL_subgroups] = true;
    SPIRV::TranslatorOpts Opts(DebugInfo || SubGroupSize
                                   ? SPIRV::VersionNumber::SPIRV_1_1
                                   : SPIRV::VersionNumber::SPIRV_1_0,
                               Ext);
    // The translator exit()s on an intrinsic it has no SPIR-V for (e.g.
    // llvm.prefetch from __builtin_prefetch), taking dpexc and its cleanup
    // down. Allowed, such an intrinsic becomes an imported function instead,
    // whose name is then found in the image and reported as an error.
    Opts.setSPIRVAllowUnknownIntrinsics({"llvm."});
    return Opts;
  };
  std::vector<std::string> Intrinsics;
  for (const llvm::Function &F : M)
    if (F.isIntrinsic() && !F.use_empty())
      Intrinsics.push_back(F.getName().str());
  // The translator rewrites the module it writes.
  auto Translate =
      [](llvm::Module &M,
         const SPIRV::TranslatorOpts &Opts) -> llvm::Expected<std::string> {
    std::ostringstream OS;
    std::string Error;
    if (!llvm::writeSpirv(&M, Opts, OS, Error))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "SPIR-V translation failed: " + Error);
    return OS.str();
  };
  // The images read back from the SPIR-V keep floating-point atomic adds,
  // which the PTX has natively; the image OpenCL consumers take has a
  // compare-exchange loop in their place, as they need not have the
  // extension.
  if (hasFloatAtomicAdds(M)) {
    if (ReaderInput) {
      auto Internal = Translate(
          *llvm::CloneModule(M),
          Options(
              {{SPIRV::ExtensionID::SPV_EXT_shader_atomic_float_add, true}}));
      if (!Internal)
        return Internal.takeError();
      *ReaderInput = std::move(*Internal);
      ReaderInput = nullptr;
    }
    llvm::cantFail(runModulePasses(
        M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
          MPM.addPass(FloatAtomicAddExpansionPass());
          return llvm::Error::success();
        }));
  }
  auto Translated = Translate(M, Options({}));
  if (!Translated)
    return Translated.takeError();
  std::string Image = std::move(*Translated);
  if (ReaderInput)
    *ReaderInput = Image;
  if (DebugInfo)
    fixUpDebugInfo(Image);
  // SPIR-V literal strings are NUL-terminated.
  for (const std::string &Name : Intrinsics)
    if (Image.find(Name + '\0') != std::string::npos)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          "SPIR-V translation failed: kernel code uses the LLVM intrinsic "
          "'%s', which has no SPIR-V equivalent",
          Name.c_str());
  return Image;
}

const char *spirvTranslatorVersion() { return DPEX_SPIRV_TRANSLATOR_VERSION; }

} // namespace dpex
