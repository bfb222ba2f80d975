// SPIR 1.2 is LLVM bitcode with OpenCL 1.2 conventions. Reading the SPIR-V
// back with the translator (OpenCL 1.2 built-in names) yields exactly that;
// a light clean-up removes the per-dimension built-in calls the reader
// materialises but the kernel never uses.
//
// The image embedded for SPIR consumers runs on exact grids: its item
// kernels' range guards are folded away, because PoCL 3 compiles SPIR
// without the target features its work-item loop vectorizer needs for a
// conditional body, and a guarded kernel ran 2-3x slower there. The guarded
// form stays the input of the PTX image, whose grids the runtime rounds.
#include "dpex/compiler/Targets.h"
#include "dpex/compiler/Transforms.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/Bitcode/BitcodeWriter.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Transforms/InstCombine/InstCombine.h"
#include "llvm/Transforms/Scalar/ADCE.h"
#include "llvm/Transforms/Scalar/SimplifyCFG.h"

#include <sstream>

#define DEBUG_TYPE "dpex-spir-image"

STATISTIC(NumMemFencesLowered, "mem_fence calls turned into fences");
STATISTIC(NumKernelsOmitted, "Kernels left out for a generic built-in call");
STATISTIC(NumRangeGuardsFolded, "Range guard comparisons folded");

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

// The reader turns OpMemoryBarrier (dpex::atomic_fence) into OpenCL 1.2's
// `mem_fence(flags)`, which PoCL 3's kernel library does not define (it has
// only the `_cl_mem_fence` its own headers map to). A sequentially consistent
// LLVM fence orders at least as much and every SPIR consumer compiles it.
static void lowerMemFences(llvm::Module &M) {
  llvm::Function *MemFence = M.getFunction("_Z9mem_fencej");
  if (!MemFence)
    return;
  for (llvm::User *U : llvm::make_early_inc_range(MemFence->users())) {
    auto *Call = llvm::cast<llvm::CallInst>(U);
    llvm::IRBuilder<>(Call).CreateFence(
        llvm::AtomicOrdering::SequentiallyConsistent);
    Call->eraseFromParent();
    ++NumMemFencesLowered;
  }
  MemFence->eraseFromParent();
}

// SPIR 1.2 has no generic address space, so OpenCL 1.2 has no built-in on a
// generic pointer: a kernel that still calls one (a generic-space atomic
// whose pointer is neither provably global nor local, which
// dpex-specialize-generic-atomics left alone) would make the whole module
// fail to build on a SPIR consumer. It is left out instead.
static std::vector<OmittedKernel> omitGenericBuiltinCallers(llvm::Module &M) {
  std::vector<OmittedKernel> Omitted;
  for (llvm::Function &F : llvm::make_early_inc_range(M)) {
    if (F.getCallingConv() != llvm::CallingConv::SPIR_KERNEL)
      continue;
    llvm::StringRef Generic;
    for (llvm::Instruction &I : llvm::instructions(F))
      if (auto *Call = llvm::dyn_cast<llvm::CallInst>(&I))
        if (llvm::Function *Callee = Call->getCalledFunction();
            Callee && Callee->getName().contains("PU3AS4")) {
          Generic = Callee->getName();
          break;
        }
    if (Generic.empty())
      continue;
    Omitted.push_back(
        {F.getName().str(),
         "it calls the OpenCL built-in '" + Generic.str() +
             "' on a generic pointer (a generic_space atomic whose pointer "
             "is neither provably global nor local), which SPIR 1.2 cannot "
             "express"});
    F.eraseFromParent();
    ++NumKernelsOmitted;
  }
  for (llvm::Function &F : llvm::make_early_inc_range(M))
    if (F.isDeclaration() && F.use_empty())
      F.eraseFromParent();
  return Omitted;
}

// Whether `V` is get_global_id(Dim) (the reader's OpenCL 1.2 name).
static bool isGlobalId(llvm::Value *V, unsigned Dim) {
  auto *Call = llvm::dyn_cast<llvm::CallInst>(V);
  llvm::Function *Callee = Call ? Call->getCalledFunction() : nullptr;
  if (!Callee || Callee->getName() != "_Z13get_global_idj")
    return false;
  auto *Arg = llvm::dyn_cast<llvm::ConstantInt>(Call->getArgOperand(0));
  return Arg && Arg->getZExtValue() == Dim;
}

// KernelABILowering's guard compares each backend dimension's global id with
// the trailing argument `__dpex_range<d>` (dpex dimension d is backend
// dimension N-1-d). On an exact grid every id is below its range, which
// decides each unsigned comparison of the two; what the optimizer turned
// into another shape stays, and is still correct, only slower.
static void foldRangeGuards(llvm::Module &M) {
  for (llvm::Function &F : M) {
    if (F.getCallingConv() != llvm::CallingConv::SPIR_KERNEL)
      continue;
    llvm::SmallVector<llvm::Argument *, 3> Range;
    for (llvm::Argument &A : F.args())
      if (A.getName() == "__dpex_range" + std::to_string(Range.size()))
        Range.push_back(&A);
    for (unsigned D = 0; D < Range.size(); ++D) {
      llvm::Argument *R = Range[D];
      unsigned BackendDim = Range.size() - 1 - D;
      for (llvm::User *U : llvm::make_early_inc_range(R->users())) {
        auto *Cmp = llvm::dyn_cast<llvm::ICmpInst>(U);
        if (!Cmp || (!Cmp->isEquality() && !Cmp->isUnsigned()))
          continue;
        // As `id <pred> range`.
        llvm::CmpInst::Predicate Pred = Cmp->getPredicate();
        if (Cmp->getOperand(0) == R)
          Pred = llvm::CmpInst::getSwappedPredicate(Pred);
        llvm::Value *Id = Cmp->getOperand(Cmp->getOperand(0) == R ? 1 : 0);
        if (!isGlobalId(Id, BackendDim))
          continue;
        bool Holds = Pred == llvm::CmpInst::ICMP_ULT ||
                     Pred == llvm::CmpInst::ICMP_ULE ||
                     Pred == llvm::CmpInst::ICMP_NE;
        Cmp->replaceAllUsesWith(
            llvm::ConstantInt::getBool(M.getContext(), Holds));
        Cmp->eraseFromParent();
        ++NumRangeGuardsFolded;
      }
    }
  }
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
  SPIRV::TranslatorOpts Opts;
  Opts.setDesiredBIsRepresentation(SPIRV::BIsRepresentation::OpenCL12);
  std::istringstream IS(SPIRV);
  llvm::Module *Raw = nullptr;
  std::string Error;
  if (!llvm::readSpirv(Ctx, Opts, IS, Raw, Error))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V to SPIR translation failed: " +
                                       Error);
  std::unique_ptr<llvm::Module> M(Raw);
  lowerMemFences(*M);
  std::vector<OmittedKernel> Omitted = omitGenericBuiltinCallers(*M);
  cleanUp(*M);
  if (auto E = checkResolvedCalls(*M, CallConsumer::SPIR))
    return E;
  M->setModuleIdentifier("dpex.spir");
  M->setSourceFileName("dpex.spir");
  std::string Guarded = writeBitcode(*M);
  foldRangeGuards(*M);
  cleanUp(*M);
  return SPIRImage{writeBitcode(*M), std::move(Guarded), std::move(Omitted)};
}

} // namespace dpex
