// PTX for NVIDIA GPUs, derived from the SPIR 1.2 image: its OpenCL built-in
// calls are exactly what libclc's nvptx64 library implements (index queries
// on PTX special registers, barriers, atomics, math), but for the sub-group
// ones, which become warp instructions. The module is
// retargeted by the NVPTX passes (lib/Targets/NVPTX), given libdevice's
// math where libdevice is at hand (LibDeviceMath.cpp), linked with libclc
// for the rest, optimised and
// compiled by LLVM's NVPTX backend for one arch (CudaArch.cpp), which the
// driver JIT-compiles for the GPU at hand.
#include "CudaArch.h"
#include "LibDeviceMath.h"
#include "dpex/compiler/TargetPasses.h"
#include "dpex/compiler/Targets.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Bitcode/BitcodeReader.h"
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

// Whether `M` calls shfl.sync, vote.sync or bar.warp.sync (the sub-group
// lowerings'), which PTX ISA 6.0 introduced.
bool usesWarpSync(const llvm::Module &M) {
  for (const llvm::Function &F : M)
    if (F.isIntrinsic() && (F.getName().startswith("llvm.nvvm.shfl.sync.") ||
                            F.getName().startswith("llvm.nvvm.vote.") ||
                            F.getName() == "llvm.nvvm.bar.warp.sync"))
      return true;
  return false;
}

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createNVPTXTargetMachine(unsigned Arch, bool FastMath, bool DWARF,
                         bool WarpSync) {
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
  // The .sync warp instructions likewise from 6.0, which every driver that
  // runs sm_50 and later knows.
  std::string Features = ptxFeatureFor(Arch); // "+ptx70"
  if (DWARF && std::stoi(Features.substr(4)) < 75)
    Features = "+ptx75";
  if (WarpSync && std::stoi(Features.substr(4)) < 60)
    Features = "+ptx60";
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

} // namespace

llvm::Expected<PTXImage> buildPTXImage(const std::string &SPIRBitcode,
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
  llvm::cantFail(runModulePasses(
      M, [&](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        addNVPTXLoweringPasses(MPM, Arch);
        if (Options.FastMath)
          MPM.addPass(NVPTXFastMathLoweringPass());
        if (!Options.LibDevice.empty())
          MPM.addPass(NVPTXLibDeviceMathPass(Options.FastMath));
        return llvm::Error::success();
      }));
  PTXImage Image;
  Image.Omitted = takeOmittedKernels(M);
  auto TM =
      createNVPTXTargetMachine(Arch, Options.FastMath, DWARF, usesWarpSync(M));
  if (!TM)
    return TM.takeError();
  if (!Options.LibDevice.empty())
    if (auto E = linkLibDevice(M, Options.LibDevice))
      return E;
  llvm::cantFail(
      runModulePasses(M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(NVPTXBitCountLoweringPass());
        return llvm::Error::success();
      }));
  if (auto E = linkLibclc(M))
    return E;
  NVVMReflectSettings Reflect;
  Reflect.Arch = Arch;
  Reflect.FlushDenormals = Options.FlushDenormals || Options.FastMath;
  Reflect.PreciseSqrt = !Options.FastMath;
  llvm::cantFail(runModulePasses(
      M, [&](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        if (Options.FastMath)
          MPM.addPass(NVPTXDenormalFlushPass());
        if (Options.LineDirectivesOnly)
          MPM.addPass(NVPTXLineDirectivesPass());
        MPM.addPass(NVVMReflectResolutionPass(Reflect));
        return llvm::Error::success();
      }));
  if (M.getFunction("__nvvm_reflect"))
    return fail("a __nvvm_reflect query that is not a constant string");
  optimize(M, **TM);
  // After the optimiser, which would make the shifts a funnel shift again.
  llvm::cantFail(
      runModulePasses(M, [](llvm::PassBuilder &, llvm::ModulePassManager &MPM) {
        MPM.addPass(NVPTXFunnelShiftExpansionPass());
        return llvm::Error::success();
      }));
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
  Image.Text = std::string(PTX.str());
  return Image;
}

} // namespace dpex
