// C library functions in a kernel that stay calls by their C names, and
// LLVM intrinsics with an integer result, whose OpenCL built-in has another
// signature than the one dpex-lower-math-builtins maps (all parameters of
// the result's type): ldexp/scalbn/scalbln take an int exponent, ilogb
// returns one, frexp/modf/remquo store through a pointer, and
// lround/llround/lrint/llrint round to an integer. Each becomes the
// SPIR-V friendly OpenCL.std built-in (`__spirv_ocl_ldexp`, ...) or that
// plus a conversion. memcmp and bcmp (std::array's ==) have no built-in and
// become a byte loop; div, ldiv and lldiv (std::div) a division and a
// remainder stored into the result the caller passed. Runs after the
// optimiser, which forms some of them.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"

#define DEBUG_TYPE "dpex-lower-libcalls"

using namespace llvm;

STATISTIC(NumLibCallsLowered, "C library calls and intrinsics lowered");

namespace dpex {
namespace {

enum class Kind {
  None,
  Ldexp,   // (T, int) -> T
  Scalbln, // (T, long) -> T
  Ilogb,   // T -> int
  Frexp,   // (T, int *) -> T
  Modf,    // (T, T *) -> T
  Remquo,  // (T, T, int *) -> T
  Round,   // T -> integer, as round()
  Rint,    // T -> integer, as rint()
  Memcmp,
  Div, // (div_t *sret, iN, iN) -> void
};

Kind kindOf(const Function &F) {
  switch (F.getIntrinsicID()) {
  case Intrinsic::lround:
  case Intrinsic::llround:
    return Kind::Round;
  case Intrinsic::lrint:
  case Intrinsic::llrint:
    return Kind::Rint;
  case Intrinsic::not_intrinsic:
    break;
  default:
    return Kind::None;
  }
  StringRef Name = F.getName();
  if (Name == "memcmp" || Name == "bcmp")
    return Kind::Memcmp;
  if ((Name == "div" || Name == "ldiv" || Name == "lldiv") &&
      F.getFunctionType()->getNumParams() == 3 &&
      F.hasParamAttribute(0, Attribute::StructRet))
    return Kind::Div;
  // The float version is the double one's name with an `f`.
  Type *T = F.getFunctionType()->getNumParams()
                ? F.getFunctionType()->getParamType(0)
                : nullptr;
  if (!T || !(T->isFloatTy() || T->isDoubleTy()))
    return Kind::None;
  if (T->isFloatTy() && !Name.consume_back("f"))
    return Kind::None;
  return StringSwitch<Kind>(Name)
      .Cases("ldexp", "scalbn", Kind::Ldexp)
      .Case("scalbln", Kind::Scalbln)
      .Case("ilogb", Kind::Ilogb)
      .Case("frexp", Kind::Frexp)
      .Case("modf", Kind::Modf)
      .Case("remquo", Kind::Remquo)
      .Cases("lround", "llround", Kind::Round)
      .Cases("lrint", "llrint", Kind::Rint)
      .Default(Kind::None);
}

// Itanium mangling of a built-in parameter: float, double, int, or a
// pointer to one in the private address space.
std::string mangle(Type *T) {
  if (T->isFloatTy())
    return "f";
  if (T->isDoubleTy())
    return "d";
  if (T->isIntegerTy(32))
    return "i";
  if (auto *P = dyn_cast<PointerType>(T))
    return "P" + mangle(P->getNonOpaquePointerElementType());
  return "l";
}

// A call of the OpenCL.std built-in `__spirv_ocl_<Name>`.
Value *callBuiltin(IRBuilder<> &B, StringRef Name, Type *Result,
                   ArrayRef<Value *> Args, bool Pure) {
  std::string Base = ("__spirv_ocl_" + Name).str();
  std::string Mangled = "_Z" + std::to_string(Base.size()) + Base;
  SmallVector<Type *, 3> Params;
  for (Value *A : Args) {
    Params.push_back(A->getType());
    Mangled += mangle(A->getType());
  }
  Module &M = *B.GetInsertBlock()->getModule();
  FunctionCallee Callee =
      M.getOrInsertFunction(Mangled, FunctionType::get(Result, Params, false));
  auto *F = cast<Function>(Callee.getCallee());
  F->setCallingConv(CallingConv::SPIR_FUNC);
  F->setDoesNotThrow();
  F->setWillReturn();
  if (Pure)
    F->setDoesNotAccessMemory();
  CallInst *Call = B.CreateCall(Callee, Args);
  Call->setCallingConv(CallingConv::SPIR_FUNC);
  return Call;
}

// `P` without a cast into the generic space: the memory it points to is in
// a known space, which SPIR 1.2 consumers (no generic space) need.
Value *knownSpace(Value *P) {
  if (auto *Cast = dyn_cast<AddrSpaceCastOperator>(P))
    if (Cast->getDestAddressSpace() == addrspace::Generic)
      return Cast->getPointerOperand();
  return P;
}

// A built-in that stores its second result through a pointer: it gets a
// private temporary, whose value then goes where the caller's pointer says.
Value *callWithResultSlot(IRBuilder<> &B, CallInst &Call, StringRef Name,
                          ArrayRef<Value *> Args, Value *Out) {
  Type *SlotTy = Out->getType()->getNonOpaquePointerElementType();
  Function &Caller = *Call.getFunction();
  IRBuilder<> Entry(&*Caller.getEntryBlock().getFirstInsertionPt());
  AllocaInst *Slot = Entry.CreateAlloca(SlotTy, addrspace::Private);
  SmallVector<Value *, 3> All(Args.begin(), Args.end());
  All.push_back(Slot);
  Value *R = callBuiltin(B, Name, Call.getType(), All, /*Pure=*/false);
  B.CreateStore(B.CreateLoad(SlotTy, Slot), knownSpace(Out));
  return R;
}

// memcmp(a, b, n) as a loop: the difference of the first differing bytes
// (as unsigned char), or 0.
Value *expandMemcmp(CallInst &Call) {
  IRBuilder<> B(&Call);
  LLVMContext &Ctx = Call.getContext();
  auto BytePtr = [&](Value *P) {
    return B.CreatePointerCast(
        P, Type::getInt8PtrTy(Ctx, P->getType()->getPointerAddressSpace()));
  };
  Value *L = BytePtr(knownSpace(Call.getArgOperand(0)));
  Value *R = BytePtr(knownSpace(Call.getArgOperand(1)));
  Value *N = Call.getArgOperand(2);
  BasicBlock *Before = Call.getParent();
  BasicBlock *After = SplitBlock(Before, &Call);
  Function *F = Before->getParent();
  BasicBlock *Head = BasicBlock::Create(Ctx, "memcmp.head", F, After);
  BasicBlock *Body = BasicBlock::Create(Ctx, "memcmp.body", F, After);
  BasicBlock *Next = BasicBlock::Create(Ctx, "memcmp.next", F, After);
  Before->getTerminator()->setSuccessor(0, Head);

  B.SetInsertPoint(Head);
  PHINode *I = B.CreatePHI(N->getType(), 2, "i");
  I->addIncoming(ConstantInt::get(N->getType(), 0), Before);
  B.CreateCondBr(B.CreateICmpUGE(I, N), After, Body);

  B.SetInsertPoint(Body);
  Value *LB = B.CreateLoad(B.getInt8Ty(), B.CreateGEP(B.getInt8Ty(), L, I));
  Value *RB = B.CreateLoad(B.getInt8Ty(), B.CreateGEP(B.getInt8Ty(), R, I));
  Type *Result = Call.getType();
  Value *Diff = B.CreateSub(B.CreateZExt(LB, Result), B.CreateZExt(RB, Result));
  B.CreateCondBr(B.CreateICmpNE(LB, RB), After, Next);

  B.SetInsertPoint(Next);
  I->addIncoming(B.CreateAdd(I, ConstantInt::get(N->getType(), 1)), Next);
  B.CreateBr(Head);

  B.SetInsertPoint(&*After->begin());
  PHINode *Out = B.CreatePHI(Result, 2, "memcmp");
  Out->addIncoming(ConstantInt::get(Result, 0), Head);
  Out->addIncoming(Diff, Body);
  return Out;
}

// std::div's result: the quotient and remainder (truncated, as C's `/` and
// `%`) stored into the div_t the caller passed. The call returns nothing:
// the last store stands for it.
Value *expandDiv(CallInst &Call) {
  IRBuilder<> B(&Call);
  Value *Result = knownSpace(Call.getArgOperand(0));
  Type *ResultTy = Call.getParamStructRetType(0);
  Value *X = Call.getArgOperand(1), *Y = Call.getArgOperand(2);
  Value *Quotient = B.CreateSDiv(X, Y), *Remainder = B.CreateSRem(X, Y);
  B.CreateStore(Quotient, B.CreateStructGEP(ResultTy, Result, 0));
  return B.CreateStore(Remainder, B.CreateStructGEP(ResultTy, Result, 1));
}

Value *lower(Kind K, CallInst &Call) {
  if (K == Kind::Memcmp)
    return expandMemcmp(Call);
  if (K == Kind::Div)
    return expandDiv(Call);
  IRBuilder<> B(&Call);
  Value *X = Call.getArgOperand(0);
  Type *T = X->getType();
  switch (K) {
  case Kind::Ldexp:
    return callBuiltin(B, "ldexp", T, {X, Call.getArgOperand(1)}, true);
  case Kind::Scalbln: {
    // Beyond an int's range the result is 0 or infinity either way.
    Value *E = Call.getArgOperand(1);
    Type *ETy = E->getType();
    E = B.CreateSelect(B.CreateICmpSGT(E, ConstantInt::get(ETy, INT32_MAX)),
                       ConstantInt::get(ETy, INT32_MAX), E);
    E = B.CreateSelect(B.CreateICmpSLT(E, ConstantInt::get(ETy, INT32_MIN)),
                       ConstantInt::get(ETy, INT32_MIN), E);
    return callBuiltin(B, "ldexp", T, {X, B.CreateTrunc(E, B.getInt32Ty())},
                       true);
  }
  case Kind::Ilogb:
    return callBuiltin(B, "ilogb", Call.getType(), {X}, true);
  case Kind::Frexp:
    return callWithResultSlot(B, Call, "frexp", {X}, Call.getArgOperand(1));
  case Kind::Modf:
    return callWithResultSlot(B, Call, "modf", {X}, Call.getArgOperand(1));
  case Kind::Remquo:
    return callWithResultSlot(B, Call, "remquo", {X, Call.getArgOperand(1)},
                              Call.getArgOperand(2));
  case Kind::Round:
  case Kind::Rint:
    return B.CreateFPToSI(
        callBuiltin(B, K == Kind::Round ? "round" : "rint", T, {X}, true),
        Call.getType());
  default:
    llvm_unreachable("not a lowered call");
  }
}

} // namespace

PreservedAnalyses LibCallLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    if (!F.isDeclaration())
      continue;
    Kind K = kindOf(F);
    if (K == Kind::None)
      continue;
    Changed |= rewriteCalls(F, [&](IRBuilder<> &, CallInst &Call) {
      ++NumLibCallsLowered;
      Value *New = lower(K, Call);
      New->takeName(&Call);
      return New;
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
