// The reader names SPV_EXT_shader_atomic_float_add's floating-point atomic
// add `atomic_add` (`_Z10atomic_addPU3AS1Vff`, `...Vdd`), which OpenCL 1.2
// lacks: in the SPIR image each becomes a compare-exchange loop on the
// value's bit pattern (`atomic_cmpxchg`, `atom_cmpxchg` for 64 bits). The
// loop starts from a plain volatile read of the word, which the exchange
// validates: the reader's atomic load, `atomic_add(p, 0)`, would be one more
// contended write per add (a float histogram ran at a quarter of an OpenCL
// C twin's speed on PoCL). The guarded form the PTX derives from keeps the
// atomic add.
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-spir-expand-float-atomic-adds"

using namespace llvm;

STATISTIC(NumAddsExpanded,
          "Floating-point atomic adds made compare-exchange loops");

namespace dpex {
namespace {

// The address-space part of an overload's mangled parameters
// ("_Z10atomic_addPU3AS1Vff" → "PU3AS1"), or "" where the name is not a
// floating-point atomic add.
StringRef pointerMangling(StringRef Name) {
  if (!Name.consume_front("_Z10atomic_add") ||
      !(Name.endswith("Vff") || Name.endswith("Vdd")))
    return "";
  return Name.drop_back(3);
}

FunctionCallee builtin(Module &M, const std::string &Name, Type *Ret,
                       ArrayRef<Type *> Params, const Function &Model) {
  FunctionCallee F =
      M.getOrInsertFunction(Name, FunctionType::get(Ret, Params, false));
  if (auto *Fn = dyn_cast<Function>(F.getCallee())) {
    Fn->setCallingConv(Model.getCallingConv());
    Fn->setAttributes(Model.getAttributes());
  }
  return F;
}

void expand(CallInst &Call, StringRef Pointer) {
  Module &M = *Call.getModule();
  Function &Callee = *Call.getCalledFunction();
  Type *FloatTy = Call.getType();
  bool Wide = FloatTy->isDoubleTy();
  IntegerType *WordTy = IntegerType::get(M.getContext(), Wide ? 64 : 32);
  Type *WordPtrTy = PointerType::get(
      WordTy, Call.getArgOperand(0)->getType()->getPointerAddressSpace());
  // As the reader names the word's built-in: `int`, or `long` with the
  // 64-bit extension's `atom_` prefix.
  std::string Params = Pointer.str() + (Wide ? "Vll" : "Vii");
  FunctionCallee CmpXchg =
      builtin(M,
              (Wide ? "_Z12atom_cmpxchg" : "_Z14atomic_cmpxchg") + Params +
                  Params.back(),
              WordTy, {WordPtrTy, WordTy, WordTy}, Callee);

  BasicBlock *Before = Call.getParent();
  BasicBlock *After = Before->splitBasicBlock(&Call, "fadd.done");
  BasicBlock *Loop = BasicBlock::Create(M.getContext(), "fadd.loop",
                                        Before->getParent(), After);
  Before->getTerminator()->eraseFromParent();

  IRBuilder<> B(Before);
  B.SetCurrentDebugLocation(Call.getDebugLoc());
  Value *Ptr = B.CreatePointerCast(Call.getArgOperand(0), WordPtrTy);
  Value *First = B.CreateAlignedLoad(WordTy, Ptr, Align(Wide ? 8 : 4),
                                     /*isVolatile=*/true, "fadd.first");
  B.CreateBr(Loop);

  B.SetInsertPoint(Loop);
  PHINode *Seen = B.CreatePHI(WordTy, 2, "fadd.seen");
  Value *Sum = B.CreateFAdd(B.CreateBitCast(Seen, FloatTy),
                            Call.getArgOperand(1), "fadd.sum");
  CallInst *Found =
      B.CreateCall(CmpXchg, {Ptr, Seen, B.CreateBitCast(Sum, WordTy)});
  Found->setCallingConv(Callee.getCallingConv());
  Seen->addIncoming(First, Before);
  Seen->addIncoming(Found, Loop);
  B.CreateCondBr(B.CreateICmpEQ(Found, Seen), After, Loop);

  B.SetInsertPoint(&Call);
  Value *Old = B.CreateBitCast(Seen, FloatTy);
  Old->takeName(&Call);
  Call.replaceAllUsesWith(Old);
  Call.eraseFromParent();
  ++NumAddsExpanded;
}

} // namespace

PreservedAnalyses
SPIRFloatAtomicAddExpansionPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    StringRef Pointer =
        F.isDeclaration() ? pointerMangling(F.getName()) : StringRef();
    if (Pointer.empty())
      continue;
    LLVM_DEBUG(dbgs() << "expanding calls to " << F.getName() << '\n');
    for (User *U : make_early_inc_range(F.users()))
      if (auto *Call = dyn_cast<CallInst>(U);
          Call && Call->getCalledFunction() == &F)
        expand(*Call, Pointer);
    if (F.use_empty())
      F.eraseFromParent();
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
