// OpenCL printf takes its format in the Constant storage class, and
// SPIR 1.2 consumers (PoCL) accept nothing else. Clang's SYCL mode has no
// constant address space in C++, so dpex::printf passes a generic pointer
// to the string literal. Once kernels are flat that pointer is a constant
// expression over the literal: the literal is copied into addrspace(2) and
// each `__spirv_ocl_printf` declaration is retyped to take it there. OpenCL
// 1.2 allows only literal strings for %s too, so every `char *` argument is
// moved the same way.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-lower-printf"

using namespace llvm;

STATISTIC(NumPrintfCallsLowered, "printf calls given constant-space strings");
STATISTIC(NumStringsCopied, "Strings copied into the constant space");

namespace dpex {
namespace {

constexpr StringRef PrintfPrefix = "_Z18__spirv_ocl_printf";

bool isString(Type *T) {
  auto *PT = dyn_cast<PointerType>(T);
  return PT && PT->getNonOpaquePointerElementType()->isIntegerTy(8);
}

// The constant-space copy of the string `Format` points to, or null if it
// does not point to the start of a constant global.
Constant *constantCopy(Value *Format,
                       DenseMap<GlobalVariable *, Constant *> &Copies) {
  auto *GV = dyn_cast<GlobalVariable>(Format->stripPointerCasts());
  if (!GV || !GV->isConstant() || !GV->hasDefinitiveInitializer())
    return nullptr;
  Constant *&Copy = Copies[GV];
  if (!Copy) {
    LLVM_DEBUG(dbgs() << "copying " << GV->getName()
                      << " into the constant space\n");
    ++NumStringsCopied;
    auto *NewGV = new GlobalVariable(
        *GV->getParent(), GV->getValueType(), /*isConstant=*/true,
        GlobalValue::PrivateLinkage, GV->getInitializer(),
        GV->getName() + ".format", nullptr, GlobalValue::NotThreadLocal,
        addrspace::Constant);
    NewGV->setUnnamedAddr(GlobalValue::UnnamedAddr::Global);
    NewGV->setAlignment(GV->getAlign());
    Copy = ConstantExpr::getPointerCast(
        NewGV, Type::getInt8PtrTy(GV->getContext(), addrspace::Constant));
  }
  return Copy;
}

} // namespace

PreservedAnalyses PrintfLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  DenseMap<GlobalVariable *, Constant *> Copies;
  for (Function &F : make_early_inc_range(M)) {
    FunctionType *FT = F.getFunctionType();
    if (!F.isDeclaration() || !F.getName().startswith(PrintfPrefix) ||
        FT->getNumParams() == 0 ||
        FT->getParamType(0)->getPointerAddressSpace() == addrspace::Constant)
      continue;
    Type *ConstantString =
        Type::getInt8PtrTy(M.getContext(), addrspace::Constant);
    SmallVector<Type *, 8> Params;
    for (Type *P : FT->params())
      Params.push_back(isString(P) ? ConstantString : P);
    // The translator knows the built-in by the name's prefix, so the new
    // declaration keeps the old name.
    Function *NewF = Function::Create(
        FunctionType::get(FT->getReturnType(), Params, FT->isVarArg()),
        F.getLinkage(), "", M);
    NewF->takeName(&F);
    NewF->setCallingConv(F.getCallingConv());
    NewF->setAttributes(F.getAttributes());
    for (User *U : make_early_inc_range(F.users())) {
      auto *Call = cast<CallInst>(U);
      SmallVector<Value *, 8> Args(Call->args());
      for (Value *&A : Args) {
        if (!isString(A->getType()))
          continue;
        A = constantCopy(A, Copies);
        if (!A) {
          M.getContext().emitError(Call, "dpex::printf: the format and %s "
                                         "arguments must be string literals");
          return PreservedAnalyses::all();
        }
      }
      auto *New = CallInst::Create(NewF, Args, "", Call);
      New->setCallingConv(Call->getCallingConv());
      New->setAttributes(Call->getAttributes());
      New->takeName(Call);
      Call->replaceAllUsesWith(New);
      Call->eraseFromParent();
      ++NumPrintfCallsLowered;
    }
    F.eraseFromParent();
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
