// SPIR 1.2 is LLVM bitcode with OpenCL 1.2 conventions. Reading the SPIR-V
// back with the translator (OpenCL 1.2 built-in names) yields exactly that;
// the SPIR passes (lib/Targets/SPIR) make it buildable by PoCL 3, and a
// light clean-up removes the per-dimension built-in calls the reader
// materialises but the kernel never uses.
//
// The image embedded for SPIR consumers runs on exact grids
// (dpex-spir-fold-range-guards) and has compare-exchange loops for
// floating-point atomic adds (dpex-spir-expand-float-atomic-adds) and lacks
// the kernels using sub-groups (dpex-spir-omit-sub-group-callers); the
// guarded form, with the adds and those kernels, stays the input of the PTX
// image, whose grids the runtime rounds and whose sub-groups are warps.
#include "dpex/compiler/TargetPasses.h"
#include "dpex/compiler/Targets.h"
#include "dpex/compiler/Transforms.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/ADCE.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"

#include <sstream>

namespace dpex {

static void cleanUp(llvm::Module &M) {
  llvm::cantFail(
      runModulePasses(M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        llvm::FunctionPassManager FPM;
        FPM.addPass(llvm::InstCombinePass());
        FPM.addPass(llvm::ADCEPass());
        FPM.addPass(llvm::SimplifyCFGPass());
        MPM.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(FPM)));
        return llvm::Error::success();
      }));
}

static std::string writeBitcode(const llvm::Module &M) {
  std::string Bitcode;
  llvm::raw_string_ostream OS(Bitcode);
  llvm::WriteBitcodeToFile(M, OS);
  return std::move(OS.str());
}

llvm::Expected<SPIRImage> buildSPIRImage(const std::string &SPIRV) {
  llvm::LLVMContext Ctx;
  Ctx.setOpaquePointers(false);
  // What emitSPIRV wrote for the images derived from the SPIR-V keeps
  // floating-point atomic adds.
  SPIRV::TranslatorOpts Opts(
      SPIRV::VersionNumber::MaximumVersion,
      {{SPIRV::ExtensionID::SPV_EXT_shader_atomic_float_add, true},
       {SPIRV::ExtensionID::SPV_INTEL_subgroups, true}});
  Opts.setDesiredBIsRepresentation(SPIRV::BIsRepresentation::OpenCL12);
  std::istringstream IS(SPIRV);
  llvm::Module *Raw = nullptr;
  std::string Error;
  if (!llvm::readSpirv(Ctx, Opts, IS, Raw, Error))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V to SPIR translation failed: " +
                                       Error);
  std::unique_ptr<llvm::Module> M(Raw);
  llvm::cantFail(runModulePasses(
      *M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(SPIRMemFenceLoweringPass());
        MPM.addPass(SPIRGenericBuiltinCallerOmissionPass());
        return llvm::Error::success();
      }));
  std::vector<OmittedKernel> GuardedOmitted = takeOmittedKernels(*M);
  cleanUp(*M);
  if (auto E = checkResolvedCalls(*M, CallConsumer::SPIR))
    return E;
  M->setModuleIdentifier("dpex.spir");
  M->setSourceFileName("dpex.spir");
  // With the sub-group kernels, which the PTX image lowers.
  std::string Guarded = writeBitcode(*M);
  llvm::cantFail(runModulePasses(
      *M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(SPIRSubGroupCallerOmissionPass());
        MPM.addPass(SPIRRangeGuardFoldingPass());
        MPM.addPass(SPIRFloatAtomicAddExpansionPass());
        return llvm::Error::success();
      }));
  std::vector<OmittedKernel> Omitted = GuardedOmitted;
  llvm::append_range(Omitted, takeOmittedKernels(*M));
  cleanUp(*M);
  return SPIRImage{writeBitcode(*M), std::move(Guarded), std::move(Omitted),
                   std::move(GuardedOmitted)};
}

} // namespace dpex
