// CUDA has no per-argument local memory as OpenCL does: a kernel's shared
// memory beyond its static arrays is one dynamic array, which the CUDA
// runtime sizes at launch (cuLaunchKernel sharedMemBytes). So a Workgroup
// (addrspace 3) pointer parameter, i.e. a local accessor, becomes a 64-bit
// byte offset into that array, where the runtime places the accessor. The
// offset is assumed 16-byte aligned, as the runtime makes it.
#include "dpex/compiler/TargetPasses.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-local-params"

using namespace llvm;

STATISTIC(NumKernelsRebuilt, "Kernels rebuilt with shared memory offsets");
STATISTIC(NumLocalParamsLowered,
          "Local pointer parameters turned into shared memory offsets");

namespace dpex {
namespace {

constexpr const char *DynamicSharedName = "__dpex_dynamic_shared";

// The runtime places each local accessor at an offset that is a multiple of
// this (runtime/cuda/CudaParams.cpp), in an array aligned to it.
constexpr unsigned LocalAlignment = 16;

GlobalVariable *getDynamicShared(Module &M) {
  if (GlobalVariable *GV = M.getGlobalVariable(DynamicSharedName))
    return GV;
  Type *Bytes = ArrayType::get(Type::getInt8Ty(M.getContext()), 0);
  auto *GV = new GlobalVariable(M, Bytes, false, GlobalValue::ExternalLinkage,
                                nullptr, DynamicSharedName, nullptr,
                                GlobalValue::NotThreadLocal, addrspace::Local);
  GV->setAlignment(Align(LocalAlignment));
  return GV;
}

bool isLocalPointer(Type *T) {
  auto *PT = dyn_cast<PointerType>(T);
  return PT && PT->getAddressSpace() == addrspace::Local;
}

// Rebuilds the kernel `F` with its local pointer parameters turned into i64
// offsets; a function's type cannot change in place.
void lowerLocalParams(Module &M, Function *F) {
  LLVMContext &Ctx = M.getContext();
  SmallVector<Type *, 8> Params;
  for (Argument &A : F->args())
    Params.push_back(isLocalPointer(A.getType()) ? Type::getInt64Ty(Ctx)
                                                 : A.getType());
  Function *New =
      Function::Create(FunctionType::get(F->getReturnType(), Params, false),
                       F->getLinkage(), F->getAddressSpace(), "", &M);
  New->copyAttributesFrom(F);
  New->copyMetadata(F, 0);
  New->takeName(F);
  New->getBasicBlockList().splice(New->end(), F->getBasicBlockList());

  GlobalVariable *Shared = getDynamicShared(M);
  IRBuilder<> B(&*New->getEntryBlock().getFirstInsertionPt());
  for (auto [Old, Arg] : zip(F->args(), New->args())) {
    Arg.setName(Old.getName());
    if (!isLocalPointer(Old.getType())) {
      Old.replaceAllUsesWith(&Arg);
      continue;
    }
    LLVM_DEBUG(dbgs() << New->getName() << ": local parameter '"
                      << Arg.getName() << "' becomes a shared memory offset\n");
    ++NumLocalParamsLowered;
    // Attributes of the pointer (noalias, align...) do not apply to an i64.
    New->removeParamAttrs(Arg.getArgNo(),
                          AttributeFuncs::typeIncompatible(Arg.getType()));
    Value *Base = B.CreatePointerCast(Shared, B.getInt8PtrTy(addrspace::Local));
    Value *Ptr =
        B.CreateInBoundsGEP(B.getInt8Ty(), Base, &Arg, Arg.getName() + ".ptr");
    // Known alignment lets the backend merge neighbouring shared-memory
    // accesses into vector loads and stores (ld.shared.v4).
    B.CreateAlignmentAssumption(M.getDataLayout(), Ptr, LocalAlignment);
    Old.replaceAllUsesWith(B.CreatePointerCast(Ptr, Old.getType()));
  }
  F->eraseFromParent();
  ++NumKernelsRebuilt;
}

} // namespace

PreservedAnalyses NVPTXLocalParamLoweringPass::run(Module &M,
                                                   ModuleAnalysisManager &) {
  SmallVector<Function *, 8> Kernels;
  for (Function &F : M)
    if (F.getCallingConv() == CallingConv::SPIR_KERNEL &&
        any_of(F.args(),
               [](Argument &A) { return isLocalPointer(A.getType()); }))
      Kernels.push_back(&F);
  for (Function *F : Kernels)
    lowerLocalParams(M, F);
  return Kernels.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

} // namespace dpex
