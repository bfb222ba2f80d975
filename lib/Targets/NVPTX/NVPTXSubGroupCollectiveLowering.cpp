// The sub-group reductions and scans of the SPIR image
// (sub_group_reduce_<op>, sub_group_scan_inclusive_<op>,
// sub_group_scan_exclusive_<op>; op add, min or max on int32, uint32,
// int64, uint64, float, double) become shfl.sync trees over the
// sub-group's lanes of the warp:
// - reduce: a shfl.sync.down tree into lane 0, each lane combining only a
//   value from a lane of its sub-group (a partial last sub-group has fewer
//   than 32), then lane 0's result broadcast by shfl.sync.idx;
// - inclusive scan: a shfl.sync.up tree (Hillis-Steele), five steps;
// - exclusive scan: the inclusive one shifted up a lane, the op's identity
//   in lane 0.
// Floating-point sums combine in the tree's order, which SYCL leaves open.
// On sm_80 and newer a reduction of 32-bit integers is instead one
// redux.sync over the sub-group's member mask (PTX ISA 7.0, which the PTX of
// those archs declares: CudaArch.cpp).
#include "WarpSubGroup.h"
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-sub-group-collectives"

using namespace llvm;

STATISTIC(NumCollectivesLowered,
          "Sub-group reductions and scans made warp operations");

namespace dpex {
namespace {

enum class Collective { Reduce, InclusiveScan, ExclusiveScan };
enum class Op { Add, Min, Max };

struct Form {
  Collective Kind;
  Op Operation;
  bool Signed; // of an integer: from the mangled parameter (i, l vs j, m)
};

std::optional<Form> formOf(const Function &F) {
  std::optional<MangledBuiltin> Builtin = demangleBuiltin(F.getName());
  if (!Builtin || !F.isDeclaration() || F.arg_size() != 1 ||
      !isWarpShuffleType(F.getReturnType()) ||
      F.getArg(0)->getType() != F.getReturnType() ||
      Builtin->Params.size() != 1)
    return std::nullopt;
  StringRef Name = Builtin->Name;
  Form R;
  if (Name.consume_front("sub_group_reduce_"))
    R.Kind = Collective::Reduce;
  else if (Name.consume_front("sub_group_scan_inclusive_"))
    R.Kind = Collective::InclusiveScan;
  else if (Name.consume_front("sub_group_scan_exclusive_"))
    R.Kind = Collective::ExclusiveScan;
  else
    return std::nullopt;
  if (Name == "add")
    R.Operation = Op::Add;
  else if (Name == "min")
    R.Operation = Op::Min;
  else if (Name == "max")
    R.Operation = Op::Max;
  else
    return std::nullopt;
  R.Signed = StringRef("il").contains(Builtin->Params.front());
  return R;
}

Value *combine(IRBuilder<> &B, const Form &F, Value *X, Value *Y) {
  Type *T = X->getType();
  if (F.Operation == Op::Add)
    return T->isFloatingPointTy() ? B.CreateFAdd(X, Y) : B.CreateAdd(X, Y);
  bool Min = F.Operation == Op::Min;
  // OpenCL's fmin/fmax: a NaN operand gives the other, as min.f32 does.
  Intrinsic::ID ID = T->isFloatingPointTy()
                         ? (Min ? Intrinsic::minnum : Intrinsic::maxnum)
                     : F.Signed ? (Min ? Intrinsic::smin : Intrinsic::smax)
                                : (Min ? Intrinsic::umin : Intrinsic::umax);
  return B.CreateBinaryIntrinsic(ID, X, Y);
}

// What lane 0 of an exclusive scan gets.
Constant *identity(const Form &F, Type *T) {
  if (F.Operation == Op::Add)
    return Constant::getNullValue(T);
  bool Min = F.Operation == Op::Min;
  if (T->isFloatingPointTy())
    return ConstantFP::getInfinity(T, /*Negative=*/!Min);
  unsigned Bits = T->getIntegerBitWidth();
  if (F.Signed)
    return ConstantInt::get(T, Min ? APInt::getSignedMaxValue(Bits)
                                   : APInt::getSignedMinValue(Bits));
  return ConstantInt::get(T, Min ? APInt::getMaxValue(Bits)
                                 : APInt::getMinValue(Bits));
}

// The arch from which redux.sync exists.
constexpr unsigned ReduxSyncArch = 80;

Intrinsic::ID reduxSyncFor(const Form &F) {
  switch (F.Operation) {
  case Op::Add:
    return Intrinsic::nvvm_redux_sync_add;
  case Op::Min:
    return F.Signed ? Intrinsic::nvvm_redux_sync_min
                    : Intrinsic::nvvm_redux_sync_umin;
  case Op::Max:
    return F.Signed ? Intrinsic::nvvm_redux_sync_max
                    : Intrinsic::nvvm_redux_sync_umax;
  }
  llvm_unreachable("every op has a redux.sync");
}

Value *lower(IRBuilder<> &B, const Form &F, Value *X, unsigned Arch) {
  Value *Mask = subGroupMemberMask(B);
  if (F.Kind == Collective::Reduce && Arch >= ReduxSyncArch &&
      X->getType()->isIntegerTy(32)) {
    Module &M = *B.GetInsertBlock()->getModule();
    return B.CreateCall(Intrinsic::getDeclaration(&M, reduxSyncFor(F)),
                        {X, Mask});
  }
  Value *Lane = callSubGroupQuery(B, SubGroupLocalIdBuiltin);
  if (F.Kind == Collective::Reduce) {
    Value *Size = callSubGroupQuery(B, SubGroupSizeBuiltin);
    for (unsigned Delta = 16; Delta; Delta /= 2) {
      Value *Y = warpShuffle(B, Intrinsic::nvvm_shfl_sync_down_i32, Mask, X,
                             B.getInt32(Delta), /*Clamp=*/0x1f);
      Value *InGroup =
          B.CreateICmpULT(B.CreateAdd(Lane, B.getInt32(Delta)), Size);
      X = B.CreateSelect(InGroup, combine(B, F, X, Y), X);
    }
    return warpShuffle(B, Intrinsic::nvvm_shfl_sync_idx_i32, Mask, X,
                       B.getInt32(0), /*Clamp=*/0x1f);
  }
  for (unsigned Delta = 1; Delta < 32; Delta *= 2) {
    Value *Y = warpShuffle(B, Intrinsic::nvvm_shfl_sync_up_i32, Mask, X,
                           B.getInt32(Delta), /*Clamp=*/0);
    Value *HasLower = B.CreateICmpUGE(Lane, B.getInt32(Delta));
    X = B.CreateSelect(HasLower, combine(B, F, X, Y), X);
  }
  if (F.Kind == Collective::InclusiveScan)
    return X;
  Value *Before = warpShuffle(B, Intrinsic::nvvm_shfl_sync_up_i32, Mask, X,
                              B.getInt32(1), /*Clamp=*/0);
  return B.CreateSelect(B.CreateICmpEQ(Lane, B.getInt32(0)),
                        identity(F, X->getType()), Before);
}

} // namespace

PreservedAnalyses
NVPTXSubGroupCollectiveLoweringPass::run(Module &M, ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    std::optional<Form> Form = formOf(F);
    if (!Form)
      continue;
    Changed |= rewriteCalls(F, [&](IRBuilder<> &B, CallInst &Call) {
      LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                        << " lowered for sm_" << Arch << "\n");
      ++NumCollectivesLowered;
      return lower(B, *Form, Call.getArgOperand(0), Arch);
    });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
