// Floating-point atomic adds (`__spirv_AtomicFAddEXT`, what
// dpex::atomic_ref<float or double>::fetch_add and fetch_sub call) become
// compare-exchange loops on the value's bit pattern, for the SPIR-V image:
// SPV_EXT_shader_atomic_float_add is an extension OpenCL consumers need not
// have. The SPIR-V the SPIR and PTX images derive from is translated
// before, with the extension, so the PTX keeps one atomic add (emitSPIRV).
//
// The loop reads the word atomically and relaxed, adds in floating point and
// swaps with the call's scope and semantics where no other work-item changed
// the word in between; it returns the value it replaced.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-expand-float-atomic-adds"

using namespace llvm;

STATISTIC(NumAddsExpanded,
          "Floating-point atomic adds made compare-exchange loops");

namespace dpex {
namespace {

constexpr StringLiteral FAddName = "_Z21__spirv_AtomicFAddEXT";

// SPIR-V memory semantics' ordering bits (Acquire, Release, AcquireRelease,
// SequentiallyConsistent); the rest name the storage classes.
constexpr uint64_t OrderingBits = 0x2 | 0x4 | 0x8 | 0x10;

// The pointer part of an overload's mangled parameters
// ("PU3AS1fiif" → "PU3AS1"), or "" where the name is not one of ours.
StringRef pointerMangling(StringRef Name) {
  if (!Name.consume_front(FAddName) ||
      !(Name.endswith("fiif") || Name.endswith("diid")))
    return "";
  return Name.drop_back(4);
}

FunctionCallee builtin(Module &M, StringRef Name, Type *Ret,
                       ArrayRef<Type *> Params, const Function &Model) {
  FunctionCallee F =
      M.getOrInsertFunction(Name, FunctionType::get(Ret, Params, false));
  if (auto *Fn = dyn_cast<Function>(F.getCallee())) {
    Fn->setCallingConv(Model.getCallingConv());
    Fn->setDoesNotThrow();
  }
  return F;
}

void expand(CallInst &Call, StringRef Pointer) {
  Module &M = *Call.getModule();
  Function &Callee = *Call.getCalledFunction();
  Type *FloatTy = Call.getType();
  unsigned Bits = FloatTy->getPrimitiveSizeInBits();
  IntegerType *WordTy = IntegerType::get(M.getContext(), Bits);
  Type *WordPtrTy = PointerType::get(
      WordTy, Call.getArgOperand(0)->getType()->getPointerAddressSpace());
  Type *I32 = Type::getInt32Ty(M.getContext());
  // `int` or `long`, as atomic_ref's words of floats are.
  std::string Word = Bits == 32 ? "i" : "l";
  FunctionCallee Load =
      builtin(M, ("_Z18__spirv_AtomicLoad" + Pointer + Word + "ii").str(),
              WordTy, {WordPtrTy, I32, I32}, Callee);
  FunctionCallee CmpXchg =
      builtin(M,
              ("_Z29__spirv_AtomicCompareExchange" + Pointer + Word + "iii" +
               Word + Word)
                  .str(),
              WordTy, {WordPtrTy, I32, I32, I32, WordTy, WordTy}, Callee);

  BasicBlock *Before = Call.getParent();
  BasicBlock *After = Before->splitBasicBlock(&Call, "fadd.done");
  BasicBlock *Loop = BasicBlock::Create(M.getContext(), "fadd.loop",
                                        Before->getParent(), After);
  Before->getTerminator()->eraseFromParent();

  IRBuilder<> B(Before);
  B.SetCurrentDebugLocation(Call.getDebugLoc());
  Value *Ptr = B.CreatePointerCast(Call.getArgOperand(0), WordPtrTy);
  Value *Scope = Call.getArgOperand(1), *Semantics = Call.getArgOperand(2);
  Value *Relaxed = B.CreateAnd(Semantics, ~OrderingBits);
  CallInst *First = B.CreateCall(Load, {Ptr, Scope, Relaxed});
  First->setCallingConv(Call.getCallingConv());
  B.CreateBr(Loop);

  B.SetInsertPoint(Loop);
  PHINode *Seen = B.CreatePHI(WordTy, 2, "fadd.seen");
  Value *Sum = B.CreateFAdd(B.CreateBitCast(Seen, FloatTy),
                            Call.getArgOperand(3), "fadd.sum");
  CallInst *Found = B.CreateCall(CmpXchg, {Ptr, Scope, Semantics, Relaxed,
                                           B.CreateBitCast(Sum, WordTy), Seen});
  Found->setCallingConv(Call.getCallingConv());
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

bool hasFloatAtomicAdds(const Module &M) {
  for (const Function &F : M)
    if (F.isDeclaration() && !F.use_empty() &&
        !pointerMangling(F.getName()).empty())
      return true;
  return false;
}

PreservedAnalyses FloatAtomicAddExpansionPass::run(Module &M,
                                                   ModuleAnalysisManager &) {
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
