#include "DebugInfoFixup.h"
#include "dpex/compiler/SPIRV.h"

#include "LLVMSPIRVLib/LLVMSPIRVLib.h"

#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"

#include <sstream>
#include <vector>

namespace dpex {

// SPIRV-LLVM-Translator 15 turns `llvm.loop` metadata into an OpLoopMerge
// that it can place before the latch's compare, which the validator rejects
// (seen at -O1). The hints have done their work once the optimiser has run.
static void dropLoopMetadata(llvm::Module &M) {
  for (llvm::Function &F : M)
    for (llvm::BasicBlock &BB : F)
      if (llvm::Instruction *Term = BB.getTerminator())
        Term->setMetadata(llvm::LLVMContext::MD_loop, nullptr);
}

// OpenCL.DebugInfo.100 has a DebugOperation for these DWARF operators only;
// the translator stops with an error at any other, e.g. the
// DW_OP_LLVM_convert the optimiser attaches to a value it salvaged through a
// zext (a `bool` parameter is enough).
static bool isOpenCLDebugOperation(uint64_t Op) {
  switch (Op) {
  case llvm::dwarf::DW_OP_deref:
  case llvm::dwarf::DW_OP_plus:
  case llvm::dwarf::DW_OP_minus:
  case llvm::dwarf::DW_OP_plus_uconst:
  case llvm::dwarf::DW_OP_bit_piece:
  case llvm::dwarf::DW_OP_swap:
  case llvm::dwarf::DW_OP_xderef:
  case llvm::dwarf::DW_OP_stack_value:
  case llvm::dwarf::DW_OP_constu:
  case llvm::dwarf::DW_OP_LLVM_fragment:
    return true;
  default:
    return false;
  }
}

// A variable whose location needs another operator keeps its name and type
// and is described as optimised out at that point, as a debugger shows a
// value the compiler could not describe.
static void dropInexpressibleDebugLocations(llvm::Module &M) {
  for (llvm::Function &F : M)
    for (llvm::Instruction &I : llvm::instructions(F)) {
      auto *Dbg = llvm::dyn_cast<llvm::DbgVariableIntrinsic>(&I);
      if (!Dbg || llvm::all_of(Dbg->getExpression()->expr_ops(),
                               [](const llvm::DIExpression::ExprOperand &Op) {
                                 return isOpenCLDebugOperation(Op.getOp());
                               }))
        continue;
      llvm::DIExpression *Location =
          llvm::DIExpression::get(M.getContext(), {});
      if (auto Fragment = Dbg->getExpression()->getFragmentInfo())
        Location = *llvm::DIExpression::createFragmentExpression(
            Location, Fragment->OffsetInBits, Fragment->SizeInBits);
      Dbg->setExpression(Location);
      Dbg->setUndef();
    }
}

// OpSource OpenCL_CPP 100000: kernels are C++, and the language decides how
// a consumer reads the built-in instructions. Intel's CPU runtime reads an
// atomic on a Generic pointer in a module of unknown or OpenCL C source as
// OpenCL 1.2's `atomic_add`, which has no generic overload, and fails to
// link it; from C++ source it keeps the SPIR-V semantics.
static void declareSourceLanguage(llvm::Module &M) {
  constexpr unsigned OpenCLCPP = 4;    // spv::SourceLanguageOpenCL_CPP
  constexpr unsigned Version = 100000; // OpenCL C++ 1.0
  llvm::LLVMContext &Ctx = M.getContext();
  llvm::Type *I32 = llvm::Type::getInt32Ty(Ctx);
  llvm::NamedMDNode *Source = M.getOrInsertNamedMetadata("spirv.Source");
  Source->clearOperands();
  Source->addOperand(llvm::MDNode::get(
      Ctx,
      {llvm::ConstantAsMetadata::get(llvm::ConstantInt::get(I32, OpenCLCPP)),
       llvm::ConstantAsMetadata::get(llvm::ConstantInt::get(I32, Version))}));
}

llvm::Expected<std::string> emitSPIRV(llvm::Module &M,
                                      std::string *ReaderInput) {
  dropLoopMetadata(M);
  declareSourceLanguage(M);
  // SPIR-V 1.0: the version every OpenCL 2.1+ / 3.0 IL consumer accepts.
  // With debug info 1.1: the translator names the producer of the
  // OpenCL.DebugInfo.100 instructions in an OpModuleProcessed.
  bool DebugInfo = M.getNamedMetadata("llvm.dbg.cu") != nullptr;
  if (DebugInfo)
    dropInexpressibleDebugLocations(M);
  SPIRV::TranslatorOpts Opts(DebugInfo ? SPIRV::VersionNumber::SPIRV_1_1
                                       : SPIRV::VersionNumber::SPIRV_1_0);
  // The translator exit()s on an intrinsic it has no SPIR-V for (e.g.
  // llvm.prefetch from __builtin_prefetch), taking dpexc and its cleanup
  // down. Allowed, such an intrinsic becomes an imported function instead,
  // whose name is then found in the image and reported as an error.
  Opts.setSPIRVAllowUnknownIntrinsics({"llvm."});
  std::vector<std::string> Intrinsics;
  for (const llvm::Function &F : M)
    if (F.isIntrinsic() && !F.use_empty())
      Intrinsics.push_back(F.getName().str());
  std::ostringstream OS;
  std::string Error;
  if (!llvm::writeSpirv(&M, Opts, OS, Error))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "SPIR-V translation failed: " + Error);
  std::string Image = OS.str();
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
