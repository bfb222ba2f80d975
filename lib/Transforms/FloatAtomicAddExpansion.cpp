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
  auto WordMangling = [](CallInst &Call) {
    // `int` or `long`, as atomic_ref's words of floats are.
    return Call.getType()->isDoubleTy() ? "l" : "i";
  };
  // The call's semantics without ordering, for the read and the exchange's
  // failure.
  Value *Relaxed = nullptr;
  auto ReadFirst = [&](IRBuilderBase &B, CallInst &Call, StringRef Pointer,
                       Value *Ptr) -> Value * {
    LLVM_DEBUG(dbgs() << "expanding " << Call << '\n');
    Type *WordTy = B.getIntNTy(Call.getType()->getPrimitiveSizeInBits());
    Type *I32 = B.getInt32Ty();
    FunctionCallee Load = builtin(
        *Call.getModule(),
        ("_Z18__spirv_AtomicLoad" + Pointer + WordMangling(Call) + "ii").str(),
        WordTy, {Ptr->getType(), I32, I32}, *Call.getCalledFunction());
    Relaxed = B.CreateAnd(Call.getArgOperand(2), ~OrderingBits);
    CallInst *First = B.CreateCall(Load, {Ptr, Call.getArgOperand(1), Relaxed});
    First->setCallingConv(Call.getCallingConv());
    return First;
  };
  auto Exchange = [&](IRBuilderBase &B, CallInst &Call, StringRef Pointer,
                      Value *Ptr, Value *Seen, Value *Sum) -> Value * {
    Type *WordTy = Seen->getType();
    Type *I32 = B.getInt32Ty();
    std::string Word = WordMangling(Call);
    FunctionCallee CmpXchg =
        builtin(*Call.getModule(),
                ("_Z29__spirv_AtomicCompareExchange" + Pointer + Word + "iii" +
                 Word + Word)
                    .str(),
                WordTy, {Ptr->getType(), I32, I32, I32, WordTy, WordTy},
                *Call.getCalledFunction());
    Value *Scope = Call.getArgOperand(1), *Semantics = Call.getArgOperand(2);
    CallInst *Found =
        B.CreateCall(CmpXchg, {Ptr, Scope, Semantics, Relaxed, Sum, Seen});
    Found->setCallingConv(Call.getCallingConv());
    ++NumAddsExpanded;
    return Found;
  };
  bool Changed = expandFloatAtomicAdds(
      M, {pointerMangling, /*Addend=*/3, ReadFirst, Exchange});
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
