#include "WarpSubGroup.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace dpex {

std::optional<MangledBuiltin> demangleBuiltin(StringRef Mangled) {
  unsigned Length = 0;
  if (!Mangled.consume_front("_Z") || Mangled.empty() ||
      !isDigit(Mangled.front()) || Mangled.consumeInteger(10, Length) ||
      Length > Mangled.size())
    return std::nullopt;
  return MangledBuiltin{Mangled.take_front(Length), Mangled.drop_front(Length)};
}

Value *callSubGroupQuery(IRBuilder<> &B, StringRef Builtin) {
  Module &M = *B.GetInsertBlock()->getModule();
  FunctionCallee Query =
      M.getOrInsertFunction(Builtin, FunctionType::get(B.getInt32Ty(), false));
  auto *F = cast<Function>(Query.getCallee());
  // A declaration of the read-back's keeps its convention; a new one gets it.
  if (F->use_empty() && F->isDeclaration()) {
    F->setCallingConv(CallingConv::SPIR_FUNC);
    F->setDoesNotAccessMemory();
    F->setDoesNotThrow();
  }
  CallInst *Call = B.CreateCall(Query);
  Call->setCallingConv(F->getCallingConv());
  return Call;
}

Value *subGroupMemberMask(IRBuilder<> &B) {
  // ~0u >> (32 - size): size is 1 to 32, so the shift is defined.
  Value *Size = callSubGroupQuery(B, SubGroupSizeBuiltin);
  return B.CreateLShr(B.getInt32(~0u), B.CreateSub(B.getInt32(32), Size),
                      "sg.mask");
}

bool isWarpShuffleType(Type *T) {
  return T->isIntegerTy(32) || T->isIntegerTy(64) || T->isFloatTy() ||
         T->isDoubleTy();
}

Value *warpShuffle(IRBuilder<> &B, Intrinsic::ID Shuffle, Value *Mask, Value *X,
                   Value *Lane, unsigned Clamp) {
  Module &M = *B.GetInsertBlock()->getModule();
  Function *Shfl = Intrinsic::getDeclaration(&M, Shuffle);
  Type *I32 = B.getInt32Ty(), *I64 = B.getInt64Ty();
  auto One = [&](Value *V) {
    return B.CreateCall(Shfl, {Mask, V, Lane, B.getInt32(Clamp)});
  };
  Type *T = X->getType();
  if (T->getPrimitiveSizeInBits() == 32)
    return B.CreateBitCast(One(B.CreateBitCast(X, I32)), T);
  Value *Bits = B.CreateBitCast(X, I64);
  Value *Lo = One(B.CreateTrunc(Bits, I32));
  Value *Hi = One(B.CreateTrunc(B.CreateLShr(Bits, 32), I32));
  Value *Low = B.CreateZExt(Lo, I64);
  Value *High = B.CreateShl(B.CreateZExt(Hi, I64), 32);
  Value *R = B.CreateOr(Low, High);
  return B.CreateBitCast(R, T);
}

} // namespace dpex
