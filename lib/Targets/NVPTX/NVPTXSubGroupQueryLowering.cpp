// The sub-group queries of the SPIR image become the warp's: a sub-group is
// the 32 threads of a warp, consecutive in the work-group's linear local id
// (x fastest, the backend's dimension 0), so
// - get_sub_group_local_id: the lane (%laneid, the linear id % 32);
// - get_sub_group_id: the linear id / 32;
// - get_num_sub_groups: ceil(work-group size / 32);
// - get_sub_group_size: 32, but the work-group size - 32 * id for a
//   partial last sub-group;
// - get_max_sub_group_size: 32.
// Last of the sub-group lowerings: the others call the first two.
#include "WarpSubGroup.h"
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicsNVPTX.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-sub-group-queries"

using namespace llvm;

STATISTIC(NumQueriesLowered, "Sub-group queries made warp arithmetic");

namespace dpex {
namespace {

enum class Query { LocalId, Id, Count, Size, MaxSize };

std::optional<Query> queryOf(const Function &F) {
  if (!F.isDeclaration() || F.arg_size() != 0 ||
      !F.getReturnType()->isIntegerTy(32))
    return std::nullopt;
  StringRef Name = F.getName();
  if (Name == SubGroupLocalIdBuiltin)
    return Query::LocalId;
  if (Name == "_Z16get_sub_group_idv")
    return Query::Id;
  if (Name == "_Z18get_num_sub_groupsv")
    return Query::Count;
  if (Name == SubGroupSizeBuiltin)
    return Query::Size;
  if (Name == "_Z22get_max_sub_group_sizev")
    return Query::MaxSize;
  return std::nullopt;
}

Value *special(IRBuilder<> &B, Intrinsic::ID ID) {
  return B.CreateIntrinsic(ID, {}, {});
}

// Each register read in its own statement: the order of the instructions
// does not hang on the C++ compiler's order of evaluating arguments.
Value *workGroupSize(IRBuilder<> &B) {
  Value *X = special(B, Intrinsic::nvvm_read_ptx_sreg_ntid_x);
  Value *Y = special(B, Intrinsic::nvvm_read_ptx_sreg_ntid_y);
  Value *Z = special(B, Intrinsic::nvvm_read_ptx_sreg_ntid_z);
  return B.CreateMul(B.CreateMul(X, Y), Z, "wg.size");
}

Value *linearLocalId(IRBuilder<> &B) {
  // x + nx * (y + ny * z)
  Value *X = special(B, Intrinsic::nvvm_read_ptx_sreg_tid_x);
  Value *Y = special(B, Intrinsic::nvvm_read_ptx_sreg_tid_y);
  Value *Z = special(B, Intrinsic::nvvm_read_ptx_sreg_tid_z);
  Value *NX = special(B, Intrinsic::nvvm_read_ptx_sreg_ntid_x);
  Value *NY = special(B, Intrinsic::nvvm_read_ptx_sreg_ntid_y);
  Value *YZ = B.CreateAdd(Y, B.CreateMul(NY, Z));
  return B.CreateAdd(X, B.CreateMul(NX, YZ), "local.linear.id");
}

Value *lower(IRBuilder<> &B, Query Q) {
  switch (Q) {
  case Query::LocalId:
    return special(B, Intrinsic::nvvm_read_ptx_sreg_laneid);
  case Query::Id:
    return B.CreateLShr(linearLocalId(B), 5);
  case Query::Count:
    return B.CreateLShr(B.CreateAdd(workGroupSize(B), B.getInt32(31)), 5);
  case Query::Size: {
    Value *First = B.CreateAnd(linearLocalId(B), B.getInt32(~31u));
    Value *Left = B.CreateSub(workGroupSize(B), First);
    return B.CreateBinaryIntrinsic(Intrinsic::umin, B.getInt32(32), Left);
  }
  case Query::MaxSize:
    return B.getInt32(32);
  }
  llvm_unreachable("unknown sub-group query");
}

} // namespace

PreservedAnalyses NVPTXSubGroupQueryLoweringPass::run(Module &M,
                                                      ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : make_early_inc_range(M)) {
    std::optional<Query> Q = queryOf(F);
    if (!Q)
      continue;
    Changed |=
        rewriteCalls(F, [&](IRBuilder<> &B, [[maybe_unused]] CallInst &Call) {
          LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << Call
                            << " becomes warp arithmetic\n");
          ++NumQueriesLowered;
          return lower(B, *Q);
        });
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
