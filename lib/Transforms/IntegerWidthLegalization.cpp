// SPIR-V has integers of 8, 16, 32 and 64 bits and a boolean; at any other
// width SPIRV-LLVM-Translator 15 ends the process. The optimiser forms such
// widths from ordinary code: InstCombine narrows `switch (v & 7)` to an i3
// switch, a bit-field enum is switched on as i4, SimplifyCFG packs lookup
// tables into iN bitmaps, SROA forms i24 from three bytes.
//
// This pass computes each value of an odd width N <= 64 in the next legal
// width M, always zero-extended, and each vector of such integers as a
// vector of M-bit elements: results that can set bits above N are
// masked, and where signedness matters (ashr, sdiv, srem, signed compares,
// sext) the operands are sign-extended from bit N-1 first. Loads and stores
// keep the original's bytes; a bitcast between an odd integer and a vector
// of integers (the <4 x i1> of an any-of loop reduction) moves the
// elements' bits one by one. A function with an odd-width construct this
// pass does not know, or with integers wider than 64 bits, is a compile
// error naming the kernel, as is any odd width left in the module.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/PostOrderIterator.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/Local.h"

#define DEBUG_TYPE "dpex-legalize-int-widths"

using namespace llvm;

STATISTIC(NumPromoted, "Odd-width integer instructions computed wider");

namespace dpex {

namespace {

bool isLegalWidth(unsigned W) {
  return W == 1 || W == 8 || W == 16 || W == 32 || W == 64;
}

unsigned promotedWidth(unsigned W) {
  return W <= 8 ? 8 : W <= 16 ? 16 : W <= 32 ? 32 : 64;
}

// An integer this pass computes wider.
bool isOddScalar(Type *T) {
  auto *IT = dyn_cast<IntegerType>(T);
  return IT && IT->getBitWidth() <= 64 && !isLegalWidth(IT->getBitWidth());
}

// An integer or a vector of integers (the loop vectoriser narrows to
// <4 x i2> what it knows to need 2 bits) this pass computes wider.
bool isOdd(Type *T) { return isOddScalar(T->getScalarType()); }

// The widest integer width in T that SPIR-V lacks, 0 if none; through
// vectors, arrays, structs and pointee types.
unsigned illegalWidthIn(Type *T, SmallPtrSetImpl<Type *> &Seen) {
  if (!Seen.insert(T).second)
    return 0;
  if (auto *IT = dyn_cast<IntegerType>(T))
    return isLegalWidth(IT->getBitWidth()) ? 0 : IT->getBitWidth();
  if (auto *PT = dyn_cast<PointerType>(T))
    return PT->isOpaque()
               ? 0
               : illegalWidthIn(PT->getNonOpaquePointerElementType(), Seen);
  unsigned Widest = 0;
  for (Type *Sub : T->subtypes())
    Widest = std::max(Widest, illegalWidthIn(Sub, Seen));
  return Widest;
}

unsigned illegalWidthIn(Type *T) {
  SmallPtrSet<Type *, 8> Seen;
  return illegalWidthIn(T, Seen);
}

// The widest illegal width among I's type and its operands' types.
unsigned illegalWidthIn(const Instruction &I) {
  unsigned Widest = illegalWidthIn(I.getType());
  for (const Use &Op : I.operands())
    Widest = std::max(Widest, illegalWidthIn(Op->getType()));
  if (auto *Alloca = dyn_cast<AllocaInst>(&I))
    Widest = std::max(Widest, illegalWidthIn(Alloca->getAllocatedType()));
  return Widest;
}

// A bitcast to a pointer to an odd-width integer, which only loads and
// stores of that integer use; they are rewritten to use its operand.
bool isOddPointerCastForAccesses(const Instruction &I) {
  auto *Cast = dyn_cast<BitCastInst>(&I);
  if (!Cast || !Cast->getType()->isPointerTy() ||
      !isOddScalar(Cast->getType()->getNonOpaquePointerElementType()))
    return false;
  return all_of(Cast->users(), [&](const User *U) {
    if (auto *Load = dyn_cast<LoadInst>(U))
      return Load->isSimple();
    auto *Store = dyn_cast<StoreInst>(U);
    return Store && Store->isSimple() && Store->getPointerOperand() == Cast;
  });
}

// A vector of integers, such as the <4 x i1> of compares whose any-of
// reduction InstCombine forms as a bitcast to i4 compared with zero.
bool isIntVector(Type *T) {
  auto *VT = dyn_cast<FixedVectorType>(T);
  return VT && VT->getElementType()->isIntegerTy() &&
         !illegalWidthIn(VT->getElementType());
}

// Whether this pass rewrites I, which has an odd-width result or operand.
bool isPromotable(const Instruction &I) {
  switch (I.getOpcode()) {
  case Instruction::BitCast:
    return (isOddScalar(I.getType()) &&
            isIntVector(I.getOperand(0)->getType())) ||
           (isOddScalar(I.getOperand(0)->getType()) &&
            isIntVector(I.getType()));
  case Instruction::Add:
  case Instruction::Sub:
  case Instruction::Mul:
  case Instruction::And:
  case Instruction::Or:
  case Instruction::Xor:
  case Instruction::Shl:
  case Instruction::LShr:
  case Instruction::AShr:
  case Instruction::UDiv:
  case Instruction::SDiv:
  case Instruction::URem:
  case Instruction::SRem:
  case Instruction::ICmp:
  case Instruction::Select:
  case Instruction::PHI:
  case Instruction::Switch:
  case Instruction::Trunc:
  case Instruction::ZExt:
  case Instruction::SExt:
    return true;
  // Moving odd-width elements, not indexing with an odd-width index.
  case Instruction::ExtractElement:
    return isOdd(I.getOperand(0)->getType());
  case Instruction::InsertElement:
    return isOdd(I.getType()) && !isOdd(I.getOperand(2)->getType());
  case Instruction::ShuffleVector:
    return isOdd(I.getType());
  case Instruction::Load:
    return cast<LoadInst>(I).isSimple() && !I.getType()->isVectorTy();
  case Instruction::Store:
    return cast<StoreInst>(I).isSimple() &&
           !I.getOperand(0)->getType()->isVectorTy();
  default:
    return false;
  }
}

bool involvesOddWidth(const Instruction &I) {
  return isOdd(I.getType()) || any_of(I.operands(), [](const Use &Op) {
           return isOdd(Op->getType());
         });
}

std::string describe(const Function &F) {
  std::string Name = demangle(F.getName().str());
  return (F.getCallingConv() == CallingConv::SPIR_KERNEL ? "kernel '"
                                                         : "function '") +
         Name + "'";
}

std::string locationOf(const Instruction &I) {
  const DebugLoc &Loc = I.getDebugLoc();
  if (!Loc)
    return "";
  return " (at " + Loc->getFilename().str() + ":" +
         std::to_string(Loc.getLine()) + ":" + std::to_string(Loc.getCol()) +
         ")";
}

class Promoter {
public:
  explicit Promoter(Function &F) : F(F) {}

  void run() {
    removeUnreachableBlocks(F);
    ReversePostOrderTraversal<Function *> RPO(&F);
    // Phis first, so a loop-carried value has its wide twin before its uses.
    for (BasicBlock *BB : RPO)
      for (PHINode &Phi : BB->phis())
        if (isOdd(Phi.getType())) {
          Wide[&Phi] = PHINode::Create(promoted(Phi.getType()),
                                       Phi.getNumIncomingValues(),
                                       Phi.getName() + ".wide", &Phi);
          Old.push_back(&Phi);
        }
    for (BasicBlock *BB : RPO)
      for (Instruction &I : make_early_inc_range(*BB))
        if (!isa<PHINode>(I) && involvesOddWidth(I))
          rewrite(I);
    for (auto [Phi, WidePhi] : Wide)
      if (auto *P = dyn_cast<PHINode>(Phi))
        for (unsigned I = 0, E = P->getNumIncomingValues(); I != E; ++I) {
          cast<PHINode>(WidePhi)->addIncoming(wide(P->getIncomingValue(I)),
                                              P->getIncomingBlock(I));
        }
    // Debug records follow the wide twin of the value they describe.
    for (Instruction *I : Old) {
      SmallVector<DbgVariableIntrinsic *, 2> Users;
      findDbgUsers(Users, I);
      if (Value *W = Wide.lookup(I))
        for (DbgVariableIntrinsic *Dbg : Users)
          Dbg->replaceVariableLocationOp(I, W);
    }
    for (Instruction *I : Old)
      I->dropAllReferences();
    for (Instruction *I : Old)
      I->eraseFromParent();
    // Casts to odd-width pointers that the rewritten accesses no longer use.
    for (Instruction &I : make_early_inc_range(instructions(F)))
      if (isa<BitCastInst>(I) && I.use_empty() && illegalWidthIn(I.getType()))
        I.eraseFromParent();
  }

private:
  Function &F;
  DenseMap<Value *, Value *> Wide;
  std::vector<Instruction *> Old;

  static Type *promoted(Type *T) {
    Type *Elt = IntegerType::get(T->getContext(),
                                 promotedWidth(T->getScalarSizeInBits()));
    if (auto *VT = dyn_cast<VectorType>(T))
      return VectorType::get(Elt, VT->getElementCount());
    return Elt;
  }

  // V's zero-extended wide twin.
  Value *wide(Value *V) {
    if (Value *W = Wide.lookup(V))
      return W;
    Type *T = promoted(V->getType());
    if (auto *C = dyn_cast<ConstantInt>(V))
      return ConstantInt::get(T, C->getValue().zext(T->getScalarSizeInBits()));
    if (isa<PoisonValue>(V))
      return PoisonValue::get(T);
    if (isa<UndefValue>(V))
      return UndefValue::get(T);
    // A vector constant folds element by element.
    if (auto *C = dyn_cast<Constant>(V); C && !isa<ConstantExpr>(C))
      return ConstantExpr::getZExt(C, T);
    // A constant expression or argument of odd width: the pre-check
    // rejects functions with these.
    llvm_unreachable("odd-width value without a wide twin");
  }

  static Value *mask(IRBuilder<> &B, Value *V, unsigned Bits) {
    unsigned W = V->getType()->getScalarSizeInBits();
    if (Bits >= W)
      return V;
    return B.CreateAnd(V, APInt::getLowBitsSet(W, Bits));
  }

  // The wide twin of an odd value of `Bits` bits, sign-extended from its
  // top bit.
  static Value *signExtend(IRBuilder<> &B, Value *V, unsigned Bits) {
    unsigned Shift = V->getType()->getScalarSizeInBits() - Bits;
    return B.CreateAShr(B.CreateShl(V, Shift), Shift);
  }

  // Bytes [0, Bytes) at Ptr, little-endian (SPIR and SPIR-V), as one
  // integer of the promoted width.
  Value *loadBytes(IRBuilder<> &B, LoadInst &L, IntegerType *T,
                   unsigned Bytes) {
    Value *Base = L.getPointerOperand();
    if (auto *Cast = dyn_cast<BitCastInst>(Base))
      Base = Cast->getOperand(0);
    unsigned AS = Base->getType()->getPointerAddressSpace();
    if (Bytes * 8 == T->getBitWidth()) {
      Value *Ptr = B.CreatePointerCast(Base, T->getPointerTo(AS));
      return B.CreateAlignedLoad(T, Ptr, L.getAlign());
    }
    Value *Ptr = B.CreatePointerCast(Base, B.getInt8PtrTy(AS));
    Value *Result = nullptr;
    for (unsigned I = 0; I != Bytes; ++I) {
      Value *Byte = B.CreateAlignedLoad(
          B.getInt8Ty(), B.CreateConstInBoundsGEP1_32(B.getInt8Ty(), Ptr, I),
          commonAlignment(L.getAlign(), I));
      Value *Wide = B.CreateZExt(Byte, T);
      Result = I ? B.CreateOr(Result, B.CreateShl(Wide, 8 * I)) : Wide;
    }
    return Result;
  }

  void storeBytes(IRBuilder<> &B, StoreInst &S, Value *V, unsigned Bytes) {
    Value *Base = S.getPointerOperand();
    if (auto *Cast = dyn_cast<BitCastInst>(Base))
      Base = Cast->getOperand(0);
    unsigned AS = Base->getType()->getPointerAddressSpace();
    if (Bytes * 8 == V->getType()->getIntegerBitWidth()) {
      Value *Ptr = B.CreatePointerCast(Base, V->getType()->getPointerTo(AS));
      B.CreateAlignedStore(V, Ptr, S.getAlign());
      return;
    }
    Value *Ptr = B.CreatePointerCast(Base, B.getInt8PtrTy(AS));
    for (unsigned I = 0; I != Bytes; ++I)
      B.CreateAlignedStore(
          B.CreateTrunc(I ? B.CreateLShr(V, 8 * I) : V, B.getInt8Ty()),
          B.CreateConstInBoundsGEP1_32(B.getInt8Ty(), Ptr, I),
          commonAlignment(S.getAlign(), I));
  }

  // The value an odd-width result of `Bits` bits gets as its wide twin, or
  // a legal result its replacement.
  Value *compute(Instruction &I, IRBuilder<> &B) {
    Type *T = I.getType();
    unsigned Bits = T->isIntOrIntVectorTy() ? T->getScalarSizeInBits() : 0;
    auto Op = [&](unsigned N) { return wide(I.getOperand(N)); };
    switch (I.getOpcode()) {
    case Instruction::Add:
    case Instruction::Sub:
    case Instruction::Mul:
    case Instruction::Shl:
      return mask(
          B, B.CreateBinOp(cast<BinaryOperator>(I).getOpcode(), Op(0), Op(1)),
          Bits);
    case Instruction::And:
    case Instruction::Or:
    case Instruction::Xor:
    case Instruction::LShr:
    case Instruction::UDiv:
    case Instruction::URem:
      return B.CreateBinOp(cast<BinaryOperator>(I).getOpcode(), Op(0), Op(1));
    case Instruction::AShr:
      return mask(B, B.CreateAShr(signExtend(B, Op(0), Bits), Op(1)), Bits);
    case Instruction::SDiv:
    case Instruction::SRem:
      return mask(B,
                  B.CreateBinOp(cast<BinaryOperator>(I).getOpcode(),
                                signExtend(B, Op(0), Bits),
                                signExtend(B, Op(1), Bits)),
                  Bits);
    case Instruction::ICmp: {
      auto &Cmp = cast<ICmpInst>(I);
      unsigned OpBits = Cmp.getOperand(0)->getType()->getScalarSizeInBits();
      Value *L = Op(0), *R = Op(1);
      if (Cmp.isSigned()) {
        L = signExtend(B, L, OpBits);
        R = signExtend(B, R, OpBits);
      }
      return B.CreateICmp(Cmp.getPredicate(), L, R);
    }
    case Instruction::Select:
      return B.CreateSelect(I.getOperand(0), Op(1), Op(2));
    case Instruction::Trunc: {
      Value *Src = I.getOperand(0);
      if (isOdd(Src->getType()))
        Src = wide(Src);
      if (!isOdd(T))
        return B.CreateTrunc(Src, T);
      return mask(B, B.CreateZExtOrTrunc(Src, promoted(T)), Bits);
    }
    case Instruction::ZExt: {
      Value *Src = I.getOperand(0);
      if (isOdd(Src->getType()))
        Src = wide(Src);
      return B.CreateZExtOrTrunc(Src, isOdd(T) ? promoted(T) : T);
    }
    case Instruction::SExt: {
      Value *Src = I.getOperand(0);
      if (isOdd(Src->getType()))
        Src = signExtend(B, wide(Src), Src->getType()->getScalarSizeInBits());
      Value *Ext = B.CreateSExtOrTrunc(Src, isOdd(T) ? promoted(T) : T);
      return isOdd(T) ? mask(B, Ext, Bits) : Ext;
    }
    case Instruction::BitCast: {
      // Element K holds bits [K * E, (K + 1) * E), little-endian as in
      // memory; the wide twin's bits above the vector's are zero.
      Value *Src = I.getOperand(0);
      if (isOdd(T)) {
        auto *VT = cast<FixedVectorType>(Src->getType());
        unsigned E = VT->getScalarSizeInBits();
        Value *R = Constant::getNullValue(promoted(T));
        for (unsigned K = 0, N = VT->getNumElements(); K != N; ++K) {
          Value *Elt =
              B.CreateZExt(B.CreateExtractElement(Src, K), R->getType());
          R = B.CreateOr(R, B.CreateShl(Elt, K * E));
        }
        return R;
      }
      auto *VT = cast<FixedVectorType>(T);
      unsigned E = VT->getScalarSizeInBits();
      Value *W = wide(Src);
      Value *R = PoisonValue::get(VT);
      for (unsigned K = 0, N = VT->getNumElements(); K != N; ++K)
        R = B.CreateInsertElement(
            R, B.CreateTrunc(B.CreateLShr(W, K * E), VT->getElementType()), K);
      return R;
    }
    // Vector elements keep their wide twins' zero extension.
    case Instruction::ExtractElement:
      return B.CreateExtractElement(Op(0), I.getOperand(1));
    case Instruction::InsertElement:
      return B.CreateInsertElement(Op(0), Op(1), I.getOperand(2));
    case Instruction::ShuffleVector:
      return B.CreateShuffleVector(Op(0), Op(1),
                                   cast<ShuffleVectorInst>(I).getShuffleMask());
    case Instruction::Load: {
      auto &L = cast<LoadInst>(I);
      unsigned Bytes = (Bits + 7) / 8;
      return mask(B, loadBytes(B, L, cast<IntegerType>(promoted(T)), Bytes),
                  Bits);
    }
    case Instruction::Store: {
      auto &S = cast<StoreInst>(I);
      Value *V = S.getValueOperand();
      storeBytes(B, S, wide(V), (V->getType()->getIntegerBitWidth() + 7) / 8);
      return nullptr;
    }
    case Instruction::Switch: {
      auto &Old = cast<SwitchInst>(I);
      auto *New = B.CreateSwitch(wide(Old.getCondition()), Old.getDefaultDest(),
                                 Old.getNumCases());
      for (auto &Case : Old.cases())
        New->addCase(cast<ConstantInt>(wide(Case.getCaseValue())),
                     Case.getCaseSuccessor());
      New->copyMetadata(Old);
      return nullptr;
    }
    }
    llvm_unreachable("the pre-check admits promotable instructions only");
  }

  void rewrite(Instruction &I) {
    IRBuilder<> B(&I);
    B.SetCurrentDebugLocation(I.getDebugLoc());
    Value *New = compute(I, B);
    ++NumPromoted;
    Old.push_back(&I);
    if (!New)
      return;
    if (auto *NewI = dyn_cast<Instruction>(New); NewI && !NewI->hasName())
      NewI->takeName(&I);
    if (isOdd(I.getType()))
      Wide[&I] = New;
    else
      I.replaceAllUsesWith(New);
  }
};

// Why F cannot be legalised, or "" if it can.
std::string whyNotLegalizable(Function &F) {
  for (Instruction &I : instructions(F)) {
    unsigned Width = illegalWidthIn(I);
    if (!Width)
      continue;
    if (Width > 64)
      return describe(F) + " computes with " + std::to_string(Width) +
             "-bit integers" + locationOf(I) +
             ", which SPIR-V devices do not support";
    if (isOddPointerCastForAccesses(I))
      continue;
    if (!involvesOddWidth(I) || !isPromotable(I) ||
        any_of(I.operands(), [](const Use &Op) {
          return isOdd(Op->getType()) &&
                 !isa<Instruction, ConstantInt, UndefValue, ConstantVector,
                      ConstantAggregateZero>(Op.get());
        }))
      return describe(F) + ": the optimiser formed a " + std::to_string(Width) +
             "-bit integer '" + I.getOpcodeName() + "'" + locationOf(I) +
             ", which dpex cannot express in SPIR-V";
  }
  return "";
}

// Debug records can hold odd or wide constants (a salvaged value) where no
// instruction has one; the translator writes their types as well. An odd
// constant becomes its zero-extended twin, anything else an undef of a
// legal width: the variable's value is then unavailable there.
bool legalizeDebugLocations(Function &F) {
  bool Changed = false;
  for (Instruction &I : instructions(F)) {
    auto *Dbg = dyn_cast<DbgVariableIntrinsic>(&I);
    if (!Dbg)
      continue;
    for (Value *V : Dbg->location_ops()) {
      auto *T = dyn_cast<IntegerType>(V->getType());
      if (!T || isLegalWidth(T->getBitWidth()))
        continue;
      Type *Legal = IntegerType::get(
          F.getContext(), promotedWidth(std::min(T->getBitWidth(), 64u)));
      auto *C = dyn_cast<ConstantInt>(V);
      Value *New =
          C && T->getBitWidth() <= 64
              ? ConstantInt::get(
                    Legal, C->getValue().zext(Legal->getIntegerBitWidth()))
              : UndefValue::get(Legal);
      Dbg->replaceVariableLocationOp(V, New);
      Changed = true;
    }
  }
  return Changed;
}

} // namespace

PreservedAnalyses IntegerWidthLegalizationPass::run(Module &M,
                                                    ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    if (F.isDeclaration() || none_of(instructions(F), [](Instruction &I) {
          return illegalWidthIn(I) != 0;
        }))
      continue;
    std::string Why = whyNotLegalizable(F);
    if (!Why.empty()) {
      M.getContext().emitError(Why);
      continue;
    }
    LLVM_DEBUG(dbgs() << "promoting odd-width integers in " << F.getName()
                      << '\n');
    Promoter(F).run();
    Changed = true;
  }
  for (Function &F : M)
    Changed |= legalizeDebugLocations(F);
  // Signatures and globals: nothing here forms odd widths in them, so one
  // that has them came from the source and is reported as such.
  for (Function &F : M)
    if (!F.isIntrinsic())
      if (unsigned Width = illegalWidthIn(F.getFunctionType()))
        M.getContext().emitError(describe(F) + " has a " +
                                 std::to_string(Width) +
                                 "-bit integer in its signature, which "
                                 "SPIR-V devices do not support");
  for (GlobalVariable &G : M.globals())
    if (unsigned Width = illegalWidthIn(G.getValueType()))
      M.getContext().emitError("global '" + demangle(G.getName().str()) +
                               "' holds a " + std::to_string(Width) +
                               "-bit integer, which SPIR-V devices do not "
                               "support");
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
