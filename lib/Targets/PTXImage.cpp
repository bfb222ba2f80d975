// PTX for NVIDIA GPUs, derived from the SPIR 1.2 image: its OpenCL built-in
// calls are exactly what libclc's nvptx64 library implements (index queries
// on PTX special registers, barriers, atomics, math). The module is
// retargeted, given libdevice's math where libdevice is at hand
// (LibDeviceMath.cpp), linked with libclc for the rest, optimised and
// compiled by LLVM's NVPTX backend for one arch (CudaArch.cpp), which the
// driver JIT-compiles for the GPU at hand.
#include "CudaArch.h"
#include "LibDeviceMath.h"
#include "dpex/compiler/Targets.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Bitcode/BitcodeReader.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/IRReader/IRReader.h"
#include "llvm/Linker/Linker.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/Transforms/IPO/GlobalDCE.h"
#include "llvm/Transforms/IPO/Internalize.h"

namespace dpex {
namespace {

constexpr const char *Triple = "nvptx64-nvidia-cuda";

llvm::Error fail(const llvm::Twine &Msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), Msg.str());
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createNVPTXTargetMachine(unsigned Arch, bool FastMath, bool DWARF) {
  static const bool Initialized = [] {
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
    return true;
  }();
  (void)Initialized;
  std::string Error;
  const llvm::Target *T = llvm::TargetRegistry::lookupTarget(Triple, Error);
  if (!T)
    return fail("NVPTX target unavailable: " + Error);
  llvm::TargetOptions Options;
  // Fused multiply-adds everywhere, as nvcc. Not UnsafeFPMath: it would let
  // codegen reassociate libdevice's double code too, whose rounding tricks
  // ((x + 0x1.8p52) - 0x1.8p52) then fold away (exp2(0.5) came out 1).
  if (FastMath)
    Options.AllowFPOpFusion = llvm::FPOpFusion::Fast;
  // DWARF sections take label differences, which ptxas accepts from PTX
  // ISA 7.5 (the newest LLVM 15 writes) only.
  std::string Features = ptxFeatureFor(Arch); // "+ptx70"
  if (DWARF && std::stoi(Features.substr(4)) < 75)
    Features = "+ptx75";
  std::unique_ptr<llvm::TargetMachine> TM(T->createTargetMachine(
      Triple, cudaArchName(Arch), Features, Options, llvm::Reloc::PIC_,
      llvm::None, llvm::CodeGenOpt::Aggressive));
  if (!TM)
    return fail("cannot create the NVPTX target machine");
  return TM;
}

llvm::Error linkLibclc(llvm::Module &M) {
  llvm::SMDiagnostic Diag;
  std::unique_ptr<llvm::Module> Lib =
      llvm::getLazyIRFileModule(DPEX_LIBCLC_NVPTX, Diag, M.getContext());
  if (!Lib)
    return fail("cannot read libclc '" + llvm::Twine(DPEX_LIBCLC_NVPTX) +
                "': " + Diag.getMessage());
  Lib->setTargetTriple(M.getTargetTriple());
  Lib->setDataLayout(M.getDataLayout());
  if (llvm::Linker::linkModules(M, std::move(Lib),
                                llvm::Linker::LinkOnlyNeeded))
    return fail("cannot link libclc into the device module");
  return llvm::Error::success();
}

// OpenCL's clz, ctz and popcount on a scalar integer: libclc's nvptx
// library lacks ctz (OpenCL 2.0), and NVPTX selects the LLVM intrinsics of
// all three directly (clz and ctz of 0 are the width, as in OpenCL).
void lowerBitCountBuiltins(llvm::Module &M) {
  for (llvm::Function &F : llvm::make_early_inc_range(M)) {
    llvm::StringRef Name = F.getName();
    llvm::Intrinsic::ID ID = Name.startswith("_Z3clz")   ? llvm::Intrinsic::ctlz
                             : Name.startswith("_Z3ctz") ? llvm::Intrinsic::cttz
                             : Name.startswith("_Z8popcount")
                                 ? llvm::Intrinsic::ctpop
                                 : llvm::Intrinsic::not_intrinsic;
    if (ID == llvm::Intrinsic::not_intrinsic || !F.isDeclaration() ||
        F.arg_size() != 1 || !F.getReturnType()->isIntegerTy() ||
        F.getArg(0)->getType() != F.getReturnType())
      continue;
    for (llvm::User *U : llvm::make_early_inc_range(F.users())) {
      auto *Call = llvm::dyn_cast<llvm::CallInst>(U);
      if (!Call || Call->getCalledFunction() != &F)
        continue;
      llvm::IRBuilder<> B(Call);
      llvm::SmallVector<llvm::Value *, 2> Args = {Call->getArgOperand(0)};
      if (ID != llvm::Intrinsic::ctpop)
        Args.push_back(B.getFalse());
      llvm::Value *New = B.CreateIntrinsic(ID, {F.getReturnType()}, Args);
      Call->replaceAllUsesWith(New);
      Call->eraseFromParent();
    }
    if (F.use_empty())
      F.eraseFromParent();
  }
}

void optimize(llvm::Module &M, llvm::TargetMachine &TM) {
  // Only the kernels are entry points; libclc's helpers inline and vanish.
  llvm::StringSet<> Kernels;
  if (llvm::NamedMDNode *Annotations = M.getNamedMetadata("nvvm.annotations"))
    for (llvm::MDNode *N : Annotations->operands())
      if (auto *VM = llvm::dyn_cast<llvm::ValueAsMetadata>(N->getOperand(0)))
        Kernels.insert(VM->getValue()->getName());
  llvm::cantFail(runModulePasses(
      M,
      [&](llvm::PassBuilder &PB, llvm::ModulePassManager &MPM) {
        MPM.addPass(ExactFRemLoweringPass());
        MPM.addPass(llvm::InternalizePass([&](const llvm::GlobalValue &GV) {
          return Kernels.contains(GV.getName());
        }));
        MPM.addPass(
            PB.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3));
        MPM.addPass(llvm::GlobalDCEPass());
        return llvm::Error::success();
      },
      &TM));
}

// -ffast-math after the round trip through SPIR-V, which keeps the
// instructions' fast-math flags but not the functions' attributes. Run on
// the kernels' own code, before libdevice and libclc are linked: their
// code stays as written (its double functions rely on exact rounding), as
// with nvcc's -use_fast_math. Float division becomes div.approx.ftz, as
// nvcc's -prec-div=false (square roots come from libdevice, told
// __CUDA_PREC_SQRT=0).
void relaxFloatingPoint(llvm::Module &M) {
  for (llvm::Function &F : M) {
    if (F.isDeclaration())
      continue;
    for (llvm::Instruction &I :
         llvm::make_early_inc_range(llvm::instructions(F))) {
      if (!llvm::isa<llvm::FPMathOperator>(I))
        continue;
      I.setFast(true);
      if (I.getOpcode() == llvm::Instruction::FDiv &&
          I.getType()->isFloatTy()) {
        llvm::IRBuilder<> B(&I);
        llvm::Value *Approx =
            B.CreateIntrinsic(llvm::Intrinsic::nvvm_div_approx_ftz_f, {},
                              {I.getOperand(0), I.getOperand(1)});
        I.replaceAllUsesWith(Approx);
        I.eraseFromParent();
      }
    }
  }
}

// Float denormals flush to zero in all code, libdevice's included (NVPTX's
// .ftz forms), as nvcc's -ftz=true, which -use_fast_math implies.
void flushFloatDenormals(llvm::Module &M) {
  for (llvm::Function &F : M)
    if (!F.isDeclaration())
      F.addFnAttr("denormal-fp-math-f32", "preserve-sign,preserve-sign");
}

// Line tables as nvcc's -lineinfo writes them: the compile units become
// DebugDirectivesOnly, for which NVPTX writes `.file`/`.loc` but neither
// DWARF sections nor the `debug` target that makes the driver compile
// without optimisation. The module's other debug info goes first.
void keepLineDirectivesOnly(llvm::Module &M) {
  llvm::stripNonLineTableDebugInfo(M);
  llvm::NamedMDNode *Units = M.getNamedMetadata("llvm.dbg.cu");
  if (!Units)
    return;
  llvm::DenseMap<llvm::DICompileUnit *, llvm::DICompileUnit *> Directives;
  for (unsigned I = 0; I < Units->getNumOperands(); ++I) {
    auto *CU = llvm::cast<llvm::DICompileUnit>(Units->getOperand(I));
    auto *New = llvm::DICompileUnit::getDistinct(
        M.getContext(), CU->getSourceLanguage(), CU->getFile(),
        CU->getProducer(), CU->isOptimized(), CU->getFlags(),
        CU->getRuntimeVersion(), CU->getSplitDebugFilename(),
        llvm::DICompileUnit::DebugDirectivesOnly, {}, {}, {}, {}, {},
        CU->getDWOId(), CU->getSplitDebugInlining(),
        CU->getDebugInfoForProfiling(), CU->getNameTableKind(),
        CU->getRangesBaseAddress(), CU->getSysRoot(), CU->getSDK());
    Directives[CU] = New;
    Units->setOperand(I, New);
  }
  // Inlined functions' subprograms too, which no function holds any more.
  llvm::DebugInfoFinder Finder;
  Finder.processModule(M);
  for (llvm::DISubprogram *SP : Finder.subprograms())
    if (auto It = Directives.find(SP->getUnit()); It != Directives.end())
      SP->replaceUnit(It->second);
}

} // namespace

llvm::Expected<std::string> buildPTXImage(const std::string &SPIRBitcode,
                                          unsigned Arch,
                                          const PTXOptions &Options) {
  Arch = ptxCodeArch(Arch);
  // libclc is opaque-pointer bitcode; reading ours into an opaque-pointer
  // context upgrades it.
  llvm::LLVMContext Ctx;
  Ctx.setOpaquePointers(true);
  auto Parsed = llvm::parseBitcodeFile(
      llvm::MemoryBufferRef(SPIRBitcode, "dpex.spir"), Ctx);
  if (!Parsed)
    return fail("cannot read the SPIR image: " +
                llvm::toString(Parsed.takeError()));
  llvm::Module &M = **Parsed;

  bool DWARF = M.getNamedMetadata("llvm.dbg.cu") && !Options.LineDirectivesOnly;
  auto TM = createNVPTXTargetMachine(Arch, Options.FastMath, DWARF);
  if (!TM)
    return TM.takeError();
  llvm::cantFail(
      runModulePasses(M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        addNVPTXLoweringPasses(MPM);
        return llvm::Error::success();
      }));
  if (Options.FastMath)
    relaxFloatingPoint(M);
  if (!Options.LibDevice.empty())
    if (auto E = linkLibDeviceMath(M, Options.LibDevice, Options.FastMath))
      return E;
  lowerBitCountBuiltins(M);
  if (auto E = linkLibclc(M))
    return E;
  NVVMReflectSettings Reflect;
  Reflect.FlushDenormals = Options.FlushDenormals || Options.FastMath;
  Reflect.PreciseSqrt = !Options.FastMath;
  if (Options.FastMath)
    flushFloatDenormals(M);
  if (Options.LineDirectivesOnly)
    keepLineDirectivesOnly(M);
  if (auto E = resolveNVVMReflect(M, Arch, Reflect))
    return E;
  optimize(M, **TM);
  // After libdevice and libclc: what they leave undefined, ptxas rejects.
  if (auto E = checkResolvedCalls(M, CallConsumer::PTX))
    return E;

  std::string Broken;
  llvm::raw_string_ostream BrokenOS(Broken);
  if (llvm::verifyModule(M, &BrokenOS))
    return fail("NVPTX lowering produced invalid IR: " + BrokenOS.str());

  llvm::SmallString<0> PTX;
  llvm::raw_svector_ostream OS(PTX);
  llvm::legacy::PassManager CodeGen;
  if ((*TM)->addPassesToEmitFile(CodeGen, OS, nullptr, llvm::CGFT_AssemblyFile))
    return fail("the NVPTX backend cannot emit assembly");
  CodeGen.run(M);
  return std::string(PTX.str());
}

} // namespace dpex
