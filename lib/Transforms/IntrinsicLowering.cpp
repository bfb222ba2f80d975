// LLVM intrinsics that the optimiser or Clang's builtins create from
// everyday code but SPIRV-LLVM-Translator 15 cannot translate: the clamp
// `i > r ? i - r : 0` (llvm.usub.sat) and its kin, __builtin_*_overflow
// (llvm.*.with.overflow, on which the translator crashes), byte swaps, the
// rotate idiom `x << r | x >> (32 - r)` (llvm.fshl), bit reversal (which
// the translator gives a capability OpenCL lacks), std::copy within one
// array (llvm.memmove), and the vector reductions the loop vectoriser forms
// from a loop with a data-dependent trip count (llvm.vector.reduce.*). Each
// is expanded into plain IR, which every image's consumer compiles.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/LowerMemIntrinsics.h"

#define DEBUG_TYPE "dpex-lower-intrinsics"

using namespace llvm;

STATISTIC(NumIntrinsicsLowered, "Intrinsic calls expanded into plain IR");

namespace dpex {
namespace {

Value *signBitSet(IRBuilder<> &B, Value *V) {
  return B.CreateICmpSLT(V, Constant::getNullValue(V->getType()));
}

// Whether the signed sum or difference overflowed: the operands' signs
// agree (sum) or differ (difference) and the result's sign is another.
Value *signedOverflow(IRBuilder<> &B, bool Add, Value *A, Value *C, Value *R) {
  Value *Operands = Add ? B.CreateNot(B.CreateXor(A, C)) : B.CreateXor(A, C);
  return signBitSet(B, B.CreateAnd(Operands, B.CreateXor(A, R)));
}

// The product and whether it overflowed; through twice the width where
// that is at most 64 bits, else by dividing back.
std::pair<Value *, Value *> multiply(IRBuilder<> &B, bool Signed, Value *A,
                                     Value *C) {
  auto *T = cast<IntegerType>(A->getType());
  unsigned Bits = T->getBitWidth();
  Value *R = B.CreateMul(A, C);
  if (Bits <= 32) {
    Type *Wide = B.getIntNTy(2 * Bits);
    auto Extend = [&](Value *V) {
      return Signed ? B.CreateSExt(V, Wide) : B.CreateZExt(V, Wide);
    };
    Value *WideA = Extend(A);
    Value *WideC = Extend(C);
    Value *Exact = B.CreateMul(WideA, WideC);
    return {R, B.CreateICmpNE(Extend(R), Exact)};
  }
  Value *Zero = ConstantInt::get(T, 0);
  if (!Signed) {
    Value *Divisor =
        B.CreateSelect(B.CreateICmpEQ(A, Zero), ConstantInt::get(T, 1), A);
    Value *Wrong = B.CreateICmpNE(B.CreateUDiv(R, Divisor), C);
    return {R, B.CreateAnd(B.CreateICmpNE(A, Zero), Wrong)};
  }
  // -1 * MIN is the one overflow that division (MIN / -1) cannot show.
  Value *MinusOne = B.CreateICmpEQ(A, ConstantInt::getSigned(T, -1));
  Value *Divisor = B.CreateSelect(B.CreateOr(B.CreateICmpEQ(A, Zero), MinusOne),
                                  ConstantInt::get(T, 1), A);
  Value *Wrong = B.CreateAnd(B.CreateICmpNE(A, Zero),
                             B.CreateICmpNE(B.CreateSDiv(R, Divisor), C));
  Value *MinTimesMinusOne =
      B.CreateICmpEQ(C, ConstantInt::get(T, APInt::getSignedMinValue(Bits)));
  return {R, B.CreateSelect(MinusOne, MinTimesMinusOne, Wrong)};
}

// `x` with its bytes in reverse order.
Value *byteSwap(IRBuilder<> &B, Value *X) {
  Type *T = X->getType();
  unsigned Bytes = T->getScalarSizeInBits() / 8;
  Value *R = Constant::getNullValue(T);
  for (unsigned I = 0; I < Bytes; ++I) {
    Value *Byte = B.CreateAnd(B.CreateLShr(X, ConstantInt::get(T, 8 * I)),
                              ConstantInt::get(T, 0xff));
    R = B.CreateOr(R,
                   B.CreateShl(Byte, ConstantInt::get(T, 8 * (Bytes - 1 - I))));
  }
  return R;
}

// `x` with its bits in reverse order: adjacent groups of 1, 2 and 4 bits
// swapped, then the bytes.
Value *bitReverse(IRBuilder<> &B, Value *X) {
  Type *T = X->getType();
  unsigned Bits = T->getScalarSizeInBits();
  for (auto [Width, Pattern] :
       {std::pair<unsigned, uint64_t>{1, 0x55}, {2, 0x33}, {4, 0x0f}}) {
    Constant *Mask =
        ConstantInt::get(T, APInt::getSplat(Bits, APInt(8, Pattern)));
    Constant *Shift = ConstantInt::get(T, Width);
    Value *Low = B.CreateShl(B.CreateAnd(X, Mask), Shift);
    Value *High = B.CreateAnd(B.CreateLShr(X, Shift), Mask);
    X = B.CreateOr(Low, High);
  }
  return Bits > 8 ? byteSwap(B, X) : X;
}

// A funnel shift: the concatenation hi:lo shifted left (fshl, the high
// half kept) or right (fshr, the low half kept) by `s` modulo the width.
Value *funnelShift(IRBuilder<> &B, bool Left, Value *Hi, Value *Lo, Value *S) {
  Type *T = Hi->getType();
  Constant *Width = ConstantInt::get(T, T->getScalarSizeInBits());
  Value *Amount = B.CreateURem(S, Width);
  Value *Rest = B.CreateSub(Width, Amount);
  // A shift by the whole width would be poison: an amount of 0 selects.
  Value *Zero = B.CreateICmpEQ(Amount, Constant::getNullValue(T));
  Value *Up = B.CreateShl(Hi, Left ? Amount : Rest);
  Value *Down = B.CreateLShr(Lo, Left ? Rest : Amount);
  Value *Shifted = B.CreateOr(Up, Down);
  return B.CreateSelect(Zero, Left ? Hi : Lo, Shifted);
}

// The elements of `V` combined first to last, starting from `Acc` (null:
// from the first element). In order, which is what fadd and fmul without
// `reassoc` require and what every other reduction allows.
Value *reduce(IRBuilder<> &B, Value *Acc, Value *V,
              function_ref<Value *(Value *, Value *)> Combine) {
  unsigned N = cast<FixedVectorType>(V->getType())->getNumElements();
  for (unsigned I = 0; I != N; ++I) {
    Value *E = B.CreateExtractElement(V, I);
    Acc = Acc ? Combine(Acc, E) : E;
  }
  return Acc;
}

// The scalar expansion of a vector reduction, or null if `II` is none.
Value *expandReduction(IntrinsicInst &II, IRBuilder<> &B) {
  Intrinsic::ID ID = II.getIntrinsicID();
  bool HasStart = ID == Intrinsic::vector_reduce_fadd ||
                  ID == Intrinsic::vector_reduce_fmul;
  Value *Start = HasStart ? II.getArgOperand(0) : nullptr;
  Value *V = II.getArgOperand(HasStart ? 1 : 0);
  if (!isa<FixedVectorType>(V->getType()))
    return nullptr;
  auto BinOp = [&](Instruction::BinaryOps Op) {
    return reduce(B, Start, V,
                  [&](Value *L, Value *R) { return B.CreateBinOp(Op, L, R); });
  };
  auto Pick = [&](CmpInst::Predicate P) {
    return reduce(B, nullptr, V, [&](Value *L, Value *R) {
      return B.CreateSelect(B.CreateICmp(P, L, R), L, R);
    });
  };
  auto Float = [&](Intrinsic::ID Op) {
    return reduce(B, nullptr, V, [&](Value *L, Value *R) {
      return B.CreateBinaryIntrinsic(Op, L, R);
    });
  };
  // The flags of the reduction (nnan, ninf, ...) hold for each step.
  if (isa<FPMathOperator>(II))
    B.setFastMathFlags(II.getFastMathFlags());
  switch (ID) {
  case Intrinsic::vector_reduce_add:
    return BinOp(Instruction::Add);
  case Intrinsic::vector_reduce_mul:
    return BinOp(Instruction::Mul);
  case Intrinsic::vector_reduce_and:
    return BinOp(Instruction::And);
  case Intrinsic::vector_reduce_or:
    return BinOp(Instruction::Or);
  case Intrinsic::vector_reduce_xor:
    return BinOp(Instruction::Xor);
  case Intrinsic::vector_reduce_fadd:
    return BinOp(Instruction::FAdd);
  case Intrinsic::vector_reduce_fmul:
    return BinOp(Instruction::FMul);
  case Intrinsic::vector_reduce_smax:
    return Pick(CmpInst::ICMP_SGT);
  case Intrinsic::vector_reduce_smin:
    return Pick(CmpInst::ICMP_SLT);
  case Intrinsic::vector_reduce_umax:
    return Pick(CmpInst::ICMP_UGT);
  case Intrinsic::vector_reduce_umin:
    return Pick(CmpInst::ICMP_ULT);
  // maxnum and minnum's NaN rule is the reductions'; the math builtin
  // lowering turns them into OpenCL.std fmax and fmin.
  case Intrinsic::vector_reduce_fmax:
    return Float(Intrinsic::maxnum);
  case Intrinsic::vector_reduce_fmin:
    return Float(Intrinsic::minnum);
  default:
    return nullptr;
  }
}

// The replacement of `II`, or null to leave it.
Value *expand(IntrinsicInst &II) {
  IRBuilder<> B(&II);
  Intrinsic::ID ID = II.getIntrinsicID();
  Value *A = II.arg_size() > 0 ? II.getArgOperand(0) : nullptr;
  Value *C = II.arg_size() > 1 ? II.getArgOperand(1) : nullptr;
  Type *T = A ? A->getType() : nullptr;
  auto Pair = [&](Value *R, Value *Overflow) {
    Value *S = B.CreateInsertValue(PoisonValue::get(II.getType()), R, 0);
    return B.CreateInsertValue(S, Overflow, 1);
  };
  switch (ID) {
  case Intrinsic::uadd_sat: {
    Value *S = B.CreateAdd(A, C);
    return B.CreateSelect(B.CreateICmpULT(S, A), Constant::getAllOnesValue(T),
                          S);
  }
  case Intrinsic::usub_sat: {
    Value *Above = B.CreateICmpUGT(A, C);
    Value *D = B.CreateSub(A, C);
    return B.CreateSelect(Above, D, Constant::getNullValue(T));
  }
  case Intrinsic::sadd_sat:
  case Intrinsic::ssub_sat: {
    bool Add = ID == Intrinsic::sadd_sat;
    Value *S = Add ? B.CreateAdd(A, C) : B.CreateSub(A, C);
    unsigned Bits = T->getScalarSizeInBits();
    Value *Limit = B.CreateSelect(
        signBitSet(B, A), ConstantInt::get(T, APInt::getSignedMinValue(Bits)),
        ConstantInt::get(T, APInt::getSignedMaxValue(Bits)));
    return B.CreateSelect(signedOverflow(B, Add, A, C, S), Limit, S);
  }
  case Intrinsic::uadd_with_overflow: {
    Value *S = B.CreateAdd(A, C);
    return Pair(S, B.CreateICmpULT(S, A));
  }
  case Intrinsic::usub_with_overflow:
    return Pair(B.CreateSub(A, C), B.CreateICmpULT(A, C));
  case Intrinsic::sadd_with_overflow:
  case Intrinsic::ssub_with_overflow: {
    bool Add = ID == Intrinsic::sadd_with_overflow;
    Value *S = Add ? B.CreateAdd(A, C) : B.CreateSub(A, C);
    return Pair(S, signedOverflow(B, Add, A, C, S));
  }
  case Intrinsic::umul_with_overflow:
  case Intrinsic::smul_with_overflow: {
    if (!T->isIntegerTy())
      return nullptr;
    auto [R, Overflow] = multiply(B, ID == Intrinsic::smul_with_overflow, A, C);
    return Pair(R, Overflow);
  }
  case Intrinsic::bswap:
    return byteSwap(B, A);
  case Intrinsic::bitreverse:
    return bitReverse(B, A);
  case Intrinsic::fshl:
  case Intrinsic::fshr:
    return funnelShift(B, ID == Intrinsic::fshl, A, C, II.getArgOperand(2));
  default:
    return expandReduction(II, B);
  }
}

} // namespace

PreservedAnalyses IntrinsicLoweringPass::run(Module &M,
                                             ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (!F.isIntrinsic())
      continue;
    for (User *U : make_early_inc_range(F.users())) {
      auto *II = dyn_cast<IntrinsicInst>(U);
      if (!II || II->getCalledFunction() != &F)
        continue;
      if (auto *Move = dyn_cast<MemMoveInst>(II)) {
        // Between address spaces the two cannot overlap.
        if (Move->getSourceAddressSpace() != Move->getDestAddressSpace()) {
          IRBuilder<>(Move).CreateMemCpy(
              Move->getRawDest(), Move->getDestAlign(), Move->getRawSource(),
              Move->getSourceAlign(), Move->getLength(), Move->isVolatile());
        } else {
          // A loop that copies forwards or backwards as the pointers say.
          expandMemMoveAsLoop(Move);
        }
        Move->eraseFromParent();
      } else if (Value *New = expand(*II)) {
        II->replaceAllUsesWith(New);
        II->eraseFromParent();
      } else {
        continue;
      }
      ++NumIntrinsicsLowered;
      Changed = true;
    }
    if (F.use_empty())
      F.eraseFromParent();
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
