// The compare-exchange loop both floating-point atomic add expansions
// build: read the word, add in floating point, exchange where no other
// work-item changed the word in between, else retry with the word found.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace dpex {
namespace {

void expand(CallInst &Call, StringRef Pointer, const FloatAtomicAddLoop &L) {
  Module &M = *Call.getModule();
  Type *FloatTy = Call.getType();
  IntegerType *WordTy =
      IntegerType::get(M.getContext(), FloatTy->getPrimitiveSizeInBits());
  Type *WordPtrTy = PointerType::get(
      WordTy, Call.getArgOperand(0)->getType()->getPointerAddressSpace());

  BasicBlock *Before = Call.getParent();
  BasicBlock *After = Before->splitBasicBlock(&Call, "fadd.done");
  BasicBlock *Loop = BasicBlock::Create(M.getContext(), "fadd.loop",
                                        Before->getParent(), After);
  Before->getTerminator()->eraseFromParent();

  IRBuilder<> B(Before);
  B.SetCurrentDebugLocation(Call.getDebugLoc());
  Value *Ptr = B.CreatePointerCast(Call.getArgOperand(0), WordPtrTy);
  Value *First = L.ReadFirst(B, Call, Pointer, Ptr);
  B.CreateBr(Loop);

  B.SetInsertPoint(Loop);
  PHINode *Seen = B.CreatePHI(WordTy, 2, "fadd.seen");
  Value *Sum = B.CreateFAdd(B.CreateBitCast(Seen, FloatTy),
                            Call.getArgOperand(L.Addend), "fadd.sum");
  Value *Found =
      L.Exchange(B, Call, Pointer, Ptr, Seen, B.CreateBitCast(Sum, WordTy));
  Seen->addIncoming(First, Before);
  Seen->addIncoming(Found, Loop);
  B.CreateCondBr(B.CreateICmpEQ(Found, Seen), After, Loop);

  B.SetInsertPoint(&Call);
  Value *Old = B.CreateBitCast(Seen, FloatTy);
  Old->takeName(&Call);
  Call.replaceAllUsesWith(Old);
  Call.eraseFromParent();
}

} // namespace

bool expandFloatAtomicAdds(Module &M, const FloatAtomicAddLoop &Loop) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    StringRef Pointer =
        F.isDeclaration() ? Loop.PointerMangling(F.getName()) : StringRef();
    if (Pointer.empty())
      continue;
    for (User *U : make_early_inc_range(F.users()))
      if (auto *Call = dyn_cast<CallInst>(U);
          Call && Call->getCalledFunction() == &F)
        expand(*Call, Pointer, Loop);
    if (F.use_empty())
      F.eraseFromParent();
    Changed = true;
  }
  return Changed;
}

} // namespace dpex
