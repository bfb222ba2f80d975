// `!spirv.Source` set to OpenCL C++ 1.0, which the translator writes as
// OpSource OpenCL_CPP 100000: kernels are C++, and the language decides how
// a consumer reads the built-in instructions. Intel's CPU runtime reads an
// atomic on a Generic pointer in a module of unknown or OpenCL C source as
// OpenCL 1.2's `atomic_add`, which has no generic overload, and fails to
// link it; from C++ source it keeps the SPIR-V semantics.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/Constants.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-declare-source-language"

using namespace llvm;

namespace dpex {

PreservedAnalyses SourceLanguageDeclarationPass::run(Module &M,
                                                     ModuleAnalysisManager &) {
  constexpr unsigned OpenCLCPP = 4;    // spv::SourceLanguageOpenCL_CPP
  constexpr unsigned Version = 100000; // OpenCL C++ 1.0
  LLVMContext &Ctx = M.getContext();
  Type *I32 = Type::getInt32Ty(Ctx);
  NamedMDNode *Source = M.getOrInsertNamedMetadata("spirv.Source");
  Source->clearOperands();
  Source->addOperand(MDNode::get(
      Ctx, {ConstantAsMetadata::get(ConstantInt::get(I32, OpenCLCPP)),
            ConstantAsMetadata::get(ConstantInt::get(I32, Version))}));
  return PreservedAnalyses::all();
}

} // namespace dpex
