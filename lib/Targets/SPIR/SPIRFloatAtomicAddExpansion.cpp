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
#include "dpex/compiler/Transforms.h"

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

} // namespace

PreservedAnalyses
SPIRFloatAtomicAddExpansionPass::run(Module &M, ModuleAnalysisManager &) {
  auto ReadFirst = [](IRBuilderBase &B, CallInst &Call, StringRef,
                      Value *Ptr) -> Value * {
    LLVM_DEBUG(dbgs() << "expanding " << Call << '\n');
    Type *WordTy = B.getIntNTy(Call.getType()->getPrimitiveSizeInBits());
    return B.CreateAlignedLoad(WordTy, Ptr,
                               Align(WordTy->getPrimitiveSizeInBits() / 8),
                               /*isVolatile=*/true, "fadd.first");
  };
  auto Exchange = [](IRBuilderBase &B, CallInst &Call, StringRef Pointer,
                     Value *Ptr, Value *Seen, Value *Sum) -> Value * {
    Function &Callee = *Call.getCalledFunction();
    Type *WordTy = Seen->getType();
    bool Wide = WordTy->getPrimitiveSizeInBits() == 64;
    // As the reader names the word's built-in: `int`, or `long` with the
    // 64-bit extension's `atom_` prefix.
    std::string Params = Pointer.str() + (Wide ? "Vll" : "Vii");
    FunctionCallee CmpXchg =
        builtin(*Call.getModule(),
                (Wide ? "_Z12atom_cmpxchg" : "_Z14atomic_cmpxchg") + Params +
                    Params.back(),
                WordTy, {Ptr->getType(), WordTy, WordTy}, Callee);
    CallInst *Found = B.CreateCall(CmpXchg, {Ptr, Seen, Sum});
    Found->setCallingConv(Callee.getCallingConv());
    ++NumAddsExpanded;
    return Found;
  };
  bool Changed = expandFloatAtomicAdds(
      M, {pointerMangling, /*Addend=*/1, ReadFirst, Exchange});
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
