// Clang compiles `*` and `/` of std::complex<float/double> (and _Complex)
// into calls of __mulsc3/__muldc3/__divsc3/__divdc3, the C runtime helpers
// that give C99 Annex G's results: a product or quotient with an infinite
// operand is infinite, a nonzero number over zero is infinite, a finite
// number over an infinite one is zero, where the textbook formulas give NaN.
// No device runtime defines them (Intel's runtime returned garbage, PoCL
// failed to build the module, ptxas rejected the PTX), so each declaration
// gets a definition here, branch-free, before device functions are inlined.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

#include <limits>

#define DEBUG_TYPE "dpex-lower-complex-arith"

using namespace llvm;

STATISTIC(NumHelpersDefined, "Complex arithmetic helpers defined");

namespace dpex {
namespace {

class ComplexMath {
public:
  ComplexMath(IRBuilder<> &B, Type *T) : B(B), T(T) {}

  Value *fp(double V) { return ConstantFP::get(T, V); }
  Value *inf() { return fp(std::numeric_limits<double>::infinity()); }
  Value *add(Value *X, Value *Y) { return B.CreateFAdd(X, Y); }
  Value *sub(Value *X, Value *Y) { return B.CreateFSub(X, Y); }
  Value *mul(Value *X, Value *Y) { return B.CreateFMul(X, Y); }
  Value *div(Value *X, Value *Y) { return B.CreateFDiv(X, Y); }
  Value *select(Value *C, Value *X, Value *Y) {
    return B.CreateSelect(C, X, Y);
  }
  Value *both(Value *X, Value *Y) { return B.CreateAnd(X, Y); }
  Value *either(Value *X, Value *Y) { return B.CreateOr(X, Y); }
  Value *fabs(Value *X) { return B.CreateUnaryIntrinsic(Intrinsic::fabs, X); }
  Value *copySign(Value *Magnitude, Value *Sign) {
    return B.CreateBinaryIntrinsic(Intrinsic::copysign, Magnitude, Sign);
  }
  Value *isNaN(Value *X) { return B.CreateFCmpUNO(X, X); }
  Value *isInf(Value *X) { return B.CreateFCmpOEQ(fabs(X), inf()); }
  Value *isFinite(Value *X) { return B.CreateFCmpOLT(fabs(X), inf()); }
  // Annex G's "box": 1 with X's sign if X is infinite, else 0 with X's sign.
  Value *box(Value *X) { return copySign(select(isInf(X), fp(1), fp(0)), X); }
  // X, or 0 with X's sign if X is NaN.
  Value *zeroIfNaN(Value *X) { return select(isNaN(X), copySign(fp(0), X), X); }
  // The C library function `Name` (`Name`f for float), lowered to an
  // OpenCL built-in later in the pipeline.
  Value *libm(Module &M, StringRef Name, Type *Result, ArrayRef<Value *> Args) {
    SmallVector<Type *, 2> Params;
    for (Value *A : Args)
      Params.push_back(A->getType());
    std::string Full = (Name + (T->isFloatTy() ? "f" : "")).str();
    FunctionCallee Callee =
        M.getOrInsertFunction(Full, FunctionType::get(Result, Params, false));
    if (auto *F = dyn_cast<Function>(Callee.getCallee())) {
      F->setDoesNotAccessMemory();
      F->setDoesNotThrow();
      F->setWillReturn();
    }
    return B.CreateCall(Callee, Args);
  }

private:
  IRBuilder<> &B;
  Type *T;
};

// (a + ib)(c + id).
std::pair<Value *, Value *> multiply(ComplexMath &C, IRBuilder<> &B, Value *A,
                                     Value *Bi, Value *Cr, Value *D) {
  Value *AC = C.mul(A, Cr), *BD = C.mul(Bi, D);
  Value *AD = C.mul(A, D), *BC = C.mul(Bi, Cr);
  Value *X = C.sub(AC, BD), *Y = C.add(AD, BC);
  // Both parts NaN: recover the infinities that the formula lost.
  Value *InfAB = C.either(C.isInf(A), C.isInf(Bi));
  Value *A1 = C.select(InfAB, C.box(A), A);
  Value *B1 = C.select(InfAB, C.box(Bi), Bi);
  Value *C1 = C.select(InfAB, C.zeroIfNaN(Cr), Cr);
  Value *D1 = C.select(InfAB, C.zeroIfNaN(D), D);
  Value *InfCD = C.either(C.isInf(C1), C.isInf(D1));
  Value *C2 = C.select(InfCD, C.box(C1), C1);
  Value *D2 = C.select(InfCD, C.box(D1), D1);
  Value *A2 = C.select(InfCD, C.zeroIfNaN(A1), A1);
  Value *B2 = C.select(InfCD, C.zeroIfNaN(B1), B1);
  // No infinite operand, but partial products overflowed.
  Value *NoInf = B.CreateNot(C.either(InfAB, InfCD));
  Value *Overflowed =
      C.both(NoInf, C.either(C.either(C.isInf(AC), C.isInf(BD)),
                             C.either(C.isInf(AD), C.isInf(BC))));
  Value *A3 = C.select(Overflowed, C.zeroIfNaN(A2), A2);
  Value *B3 = C.select(Overflowed, C.zeroIfNaN(B2), B2);
  Value *C3 = C.select(Overflowed, C.zeroIfNaN(C2), C2);
  Value *D3 = C.select(Overflowed, C.zeroIfNaN(D2), D2);
  Value *Recompute = C.both(C.both(C.isNaN(X), C.isNaN(Y)),
                            C.either(C.either(InfAB, InfCD), Overflowed));
  Value *RX = C.mul(C.inf(), C.sub(C.mul(A3, C3), C.mul(B3, D3)));
  Value *RY = C.mul(C.inf(), C.add(C.mul(A3, D3), C.mul(B3, C3)));
  return {C.select(Recompute, RX, X), C.select(Recompute, RY, Y)};
}

// (a + ib) / (c + id), with the divisor scaled by a power of two so that
// c*c + d*d neither overflows nor underflows.
std::pair<Value *, Value *> divide(ComplexMath &C, IRBuilder<> &B, Module &M,
                                   Value *A, Value *Bi, Value *Cr, Value *D) {
  Type *I32 = B.getInt32Ty();
  Value *LogbW = C.libm(
      M, "logb", Cr->getType(),
      {B.CreateBinaryIntrinsic(Intrinsic::maxnum, C.fabs(Cr), C.fabs(D))});
  Value *Scale = B.CreateSelect(C.isFinite(LogbW), B.CreateFPToSI(LogbW, I32),
                                B.getInt32(0));
  Value *Unscale = B.CreateNeg(Scale);
  Value *CS = C.libm(M, "scalbn", Cr->getType(), {Cr, Unscale});
  Value *DS = C.libm(M, "scalbn", Cr->getType(), {D, Unscale});
  Value *Denom = C.add(C.mul(CS, CS), C.mul(DS, DS));
  Value *X =
      C.libm(M, "scalbn", Cr->getType(),
             {C.div(C.add(C.mul(A, CS), C.mul(Bi, DS)), Denom), Unscale});
  Value *Y =
      C.libm(M, "scalbn", Cr->getType(),
             {C.div(C.sub(C.mul(Bi, CS), C.mul(A, DS)), Denom), Unscale});
  Value *BothNaN = C.both(C.isNaN(X), C.isNaN(Y));
  // A nonzero number over zero.
  Value *OverZero =
      C.both(B.CreateFCmpOEQ(Denom, C.fp(0)),
             C.either(B.CreateNot(C.isNaN(A)), B.CreateNot(C.isNaN(Bi))));
  Value *SignedInf = C.copySign(C.inf(), Cr);
  Value *X1 = C.mul(SignedInf, A), *Y1 = C.mul(SignedInf, Bi);
  // An infinite number over a finite one.
  Value *InfOverFinite = C.both(C.either(C.isInf(A), C.isInf(Bi)),
                                C.both(C.isFinite(CS), C.isFinite(DS)));
  Value *AB = C.box(A), *BB = C.box(Bi);
  Value *X2 = C.mul(C.inf(), C.add(C.mul(AB, CS), C.mul(BB, DS)));
  Value *Y2 = C.mul(C.inf(), C.sub(C.mul(BB, CS), C.mul(AB, DS)));
  // A finite number over an infinite one.
  Value *FiniteOverInf =
      C.both(C.both(C.isInf(LogbW), B.CreateFCmpOGT(LogbW, C.fp(0))),
             C.both(C.isFinite(A), C.isFinite(Bi)));
  Value *CB = C.box(CS), *DB = C.box(DS);
  Value *X3 = C.mul(C.fp(0), C.add(C.mul(A, CB), C.mul(Bi, DB)));
  Value *Y3 = C.mul(C.fp(0), C.sub(C.mul(Bi, CB), C.mul(A, DB)));
  Value *RX = C.select(FiniteOverInf, X3, X),
        *RY = C.select(FiniteOverInf, Y3, Y);
  RX = C.select(InfOverFinite, X2, RX);
  RY = C.select(InfOverFinite, Y2, RY);
  RX = C.select(OverZero, X1, RX);
  RY = C.select(OverZero, Y1, RY);
  return {C.select(BothNaN, RX, X), C.select(BothNaN, RY, Y)};
}

// Gives `F` its body if it has one of the two shapes Clang uses on SPIR
// targets: `void (sret {T, T}*, T, T, T, T)` or `{T, T} (T, T, T, T)`.
bool define(Function &F, bool Divide) {
  FunctionType *FT = F.getFunctionType();
  unsigned First = FT->getReturnType()->isVoidTy() ? 1 : 0;
  if (FT->getNumParams() != First + 4)
    return false;
  Type *T = FT->getParamType(First);
  if (!(T->isFloatTy() || T->isDoubleTy()))
    return false;
  auto *Pair = StructType::get(F.getContext(), {T, T});
  if (First ? !FT->getParamType(0)->isPointerTy() : FT->getReturnType() != Pair)
    return false;
  for (unsigned I = First; I < First + 4; ++I)
    if (FT->getParamType(I) != T)
      return false;

  IRBuilder<> B(BasicBlock::Create(F.getContext(), "entry", &F));
  ComplexMath C(B, T);
  Value *A = F.getArg(First), *Bi = F.getArg(First + 1);
  Value *Cr = F.getArg(First + 2), *D = F.getArg(First + 3);
  auto [X, Y] = Divide ? divide(C, B, *F.getParent(), A, Bi, Cr, D)
                       : multiply(C, B, A, Bi, Cr, D);
  if (First) {
    Value *Out = B.CreatePointerCast(
        F.getArg(0),
        PointerType::get(Pair,
                         F.getArg(0)->getType()->getPointerAddressSpace()));
    B.CreateStore(X, B.CreateStructGEP(Pair, Out, 0));
    B.CreateStore(Y, B.CreateStructGEP(Pair, Out, 1));
    B.CreateRetVoid();
  } else {
    Value *R = B.CreateInsertValue(PoisonValue::get(Pair), X, 0);
    B.CreateRet(B.CreateInsertValue(R, Y, 1));
  }
  F.setLinkage(GlobalValue::InternalLinkage);
  F.setDoesNotThrow();
  return true;
}

} // namespace

PreservedAnalyses ComplexArithmeticLoweringPass::run(Module &M,
                                                     ModuleAnalysisManager &) {
  bool Changed = false;
  for (StringRef Name : {"__mulsc3", "__muldc3", "__divsc3", "__divdc3"}) {
    Function *F = M.getFunction(Name);
    if (!F || !F->isDeclaration() || !define(*F, Name.startswith("__div")))
      continue;
    ++NumHelpersDefined;
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
