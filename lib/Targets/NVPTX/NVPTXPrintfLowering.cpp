// OpenCL `printf` becomes the CUDA driver's `vprintf(format, args)`: the
// arguments (already promoted as C varargs) are packed into a naturally
// aligned struct on the stack, and every pointer, the strings in NVPTX's
// constant space (4) included (dpex-nvptx-map-address-spaces put them
// there), is passed as a generic one.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-printf"

using namespace llvm;

STATISTIC(NumPrintfCallsLowered, "printf calls turned into vprintf");

namespace dpex {

PreservedAnalyses NVPTXPrintfLoweringPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  Function *Printf = M.getFunction("printf");
  if (!Printf)
    return PreservedAnalyses::all();
  LLVMContext &Ctx = M.getContext();
  Type *Generic = Type::getInt8PtrTy(Ctx);
  FunctionCallee VPrintf = M.getOrInsertFunction(
      "vprintf",
      FunctionType::get(Type::getInt32Ty(Ctx), {Generic, Generic}, false));
  auto toGeneric = [&](IRBuilder<> &B, Value *V) -> Value * {
    auto *PT = dyn_cast<PointerType>(V->getType());
    if (!PT)
      return V;
    return B.CreateAddrSpaceCast(
        B.CreatePointerCast(V, B.getInt8PtrTy(PT->getAddressSpace())), Generic);
  };
  rewriteCalls(*Printf, [&](IRBuilder<> &B, CallInst &Call) {
    LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": printf with "
                      << Call.arg_size() - 1 << " arguments\n");
    ++NumPrintfCallsLowered;
    SmallVector<Value *, 8> Args;
    SmallVector<Type *, 8> Fields;
    for (unsigned I = 1; I < Call.arg_size(); ++I) {
      Args.push_back(toGeneric(B, Call.getArgOperand(I)));
      Fields.push_back(Args.back()->getType());
    }
    Value *Packed = ConstantPointerNull::get(cast<PointerType>(Generic));
    if (!Args.empty()) {
      StructType *Layout = StructType::get(Ctx, Fields);
      IRBuilder<> Entry(
          &*Call.getFunction()->getEntryBlock().getFirstInsertionPt());
      AllocaInst *Buffer = Entry.CreateAlloca(Layout, nullptr, "printf.args");
      for (unsigned I = 0; I < Args.size(); ++I)
        B.CreateStore(Args[I], B.CreateStructGEP(Layout, Buffer, I));
      Packed = B.CreatePointerCast(Buffer, Generic);
    }
    Value *Format = toGeneric(B, Call.getArgOperand(0));
    return B.CreateCall(VPrintf, {Format, Packed});
  });
  return PreservedAnalyses::none();
}

} // namespace dpex
