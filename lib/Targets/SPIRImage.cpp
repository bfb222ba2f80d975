// SPIR 1.2 is LLVM bitcode with OpenCL 1.2 conventions. Reading the SPIR-V
// back with the translator (OpenCL 1.2 built-in names) yields exactly that;
// a light clean-up removes the per-dimension built-in calls the reader
// materialises but the kernel never uses.
#include "dpex/Targets.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/ADCE.h"

#include <sstream>

namespace dpex {

static void cleanUp(llvm::Module &M) {
  llvm::LoopAnalysisManager LAM;
  llvm::FunctionAnalysisManager FAM;
  llvm::CGSCCAnalysisManager CGAM;
  llvm::ModuleAnalysisManager MAM;
  llvm::PassBuilder PB;
  PB.registerModuleAnalyses(MAM);
  PB.registerCGSCCAnalyses(CGAM);
  PB.registerFunctionAnalyses(FAM);
  PB.registerLoopAnalyses(LAM);
  PB.crossRegisterProxies(LAM, FAM, CGAM, MAM);
  llvm::FunctionPassManager FPM;
  FPM.addPass(llvm::InstCombinePass());
  FPM.addPass(llvm::ADCEPass());
  llvm::ModulePassManager MPM;
  MPM.addPass(llvm::createModuleToFunctionPassAdaptor(std::move(FPM)));
  MPM.run(M, MAM);
}

llvm::Expected<std::string> buildSPIRImage(const std::string &SPIRV) {
  llvm::LLVMContext Ctx;
  Ctx.setOpaquePointers(false);
  SPIRV::TranslatorOpts Opts;
  Opts.setDesiredBIsRepresentation(SPIRV::BIsRepresentation::OpenCL12);
  std::istringstream IS(SPIRV);
  llvm::Module *Raw = nullptr;
  std::string Error;
  if (!llvm::readSpirv(Ctx, Opts, IS, Raw, Error))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V to SPIR translation failed: " + Error);
  std::unique_ptr<llvm::Module> M(Raw);
  cleanUp(*M);
  M->setModuleIdentifier("dpex.spir");
  M->setSourceFileName("dpex.spir");
  std::string Bitcode;
  llvm::raw_string_ostream OS(Bitcode);
  llvm::WriteBitcodeToFile(*M, OS);
  return std::move(OS.str());
}

} // namespace dpex
