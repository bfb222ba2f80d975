// The work-group algorithms (<dpex/group_algorithms.hpp>) read
// `__dpex_image_has_warp_sub_groups` to choose between combining sub-group
// results (the PTX image, whose sub-groups are warps) and working in local
// memory alone (the SPIR-V and SPIR images). The variable is declared only;
// this pass answers it for the image at hand: every load of it becomes the
// constant, the switch on it is folded, the other path deleted, and the
// declarations only that path used (sub-group built-ins) erased, so an image
// answered 0 has no sub-group instruction. Run before inlining, the
// local-memory code it leaves is the code as it was without the switch.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/DepthFirstIterator.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/CFG.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/ValueHandle.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Local.h"

#define DEBUG_TYPE "dpex-resolve-warp-query"

using namespace llvm;

STATISTIC(NumQueriesResolved, "Warp sub-group queries answered");

namespace dpex {

const char *const WarpSubGroupQueryName = "__dpex_image_has_warp_sub_groups";

// Folds the branches on the answer and deletes what only the path not taken
// held: its blocks and the allocas it alone used. Other blocks and dead
// values stay as they are, so that the code left is the code as it was
// without the switch; only a block left with one predecessor joins it (the
// switch's successor, the shared return block).
static void foldResolvedBranches(Function &F, ArrayRef<BasicBlock *> Switches,
                                 SmallVectorImpl<Function *> &DeadPathCallees) {
  SmallPtrSet<BasicBlock *, 8> Joined;
  for (BasicBlock *BB : Switches) {
    for (BasicBlock *Succ : successors(BB))
      Joined.insert(Succ);
    ConstantFoldTerminator(BB, /*DeleteDeadConditions=*/true);
  }
  df_iterator_default_set<BasicBlock *> Live;
  for (BasicBlock *BB : depth_first_ext(&F, Live))
    (void)BB;
  SmallVector<BasicBlock *, 16> Dead;
  SmallPtrSet<AllocaInst *, 8> DeadPathAllocas;
  for (BasicBlock &BB : F) {
    if (Live.count(&BB))
      continue;
    Dead.push_back(&BB);
    for (BasicBlock *Succ : successors(&BB))
      if (Live.count(Succ))
        Joined.insert(Succ);
    for (Instruction &I : BB)
      for (Value *Op : I.operands())
        if (auto *Alloca = dyn_cast<AllocaInst>(Op->stripPointerCasts()))
          DeadPathAllocas.insert(Alloca);
        else if (auto *Callee = dyn_cast<Function>(Op->stripPointerCasts()))
          DeadPathCallees.push_back(Callee);
  }
  DeleteDeadBlocks(Dead);
  for (AllocaInst *Alloca : DeadPathAllocas) {
    SmallVector<Instruction *, 4> Casts;
    for (User *U : Alloca->users())
      if (auto *Cast = dyn_cast<CastInst>(U); Cast && Cast->use_empty())
        Casts.push_back(Cast);
    for (Instruction *Cast : Casts)
      Cast->eraseFromParent();
    if (Alloca->use_empty())
      Alloca->eraseFromParent();
  }
  for (BasicBlock *BB : Joined)
    if (Live.count(BB))
      MergeBlockIntoPredecessor(BB);
  // One return left: its value goes to it directly, not through the return
  // slot, as clang emits a function with one return (skipping bitcasts and
  // lifetime ends back to the slot's store); the inliner then prunes the
  // unused slot as it did.
  for (BasicBlock &BB : F) {
    auto *Ret = dyn_cast<ReturnInst>(BB.getTerminator());
    auto *Load =
        Ret ? dyn_cast_or_null<LoadInst>(Ret->getReturnValue()) : nullptr;
    if (!Load || Load->getParent() != &BB || !Load->hasOneUse() ||
        !isa<AllocaInst>(Load->getPointerOperand()->stripPointerCasts()))
      continue;
    Instruction *I = Load->getPrevNode();
    while (I &&
           (isa<BitCastInst>(I) || (isa<IntrinsicInst>(I) &&
                                    cast<IntrinsicInst>(I)->getIntrinsicID() ==
                                        Intrinsic::lifetime_end)))
      I = I->getPrevNode();
    auto *Store = dyn_cast_or_null<StoreInst>(I);
    if (!Store || Store->getPointerOperand() != Load->getPointerOperand())
      continue;
    Ret->setOperand(0, Store->getValueOperand());
    Load->eraseFromParent();
    Store->eraseFromParent();
  }
}

static void collectLoads(Value *V, SmallVectorImpl<LoadInst *> &Loads) {
  for (User *U : V->users())
    if (auto *Load = dyn_cast<LoadInst>(U))
      Loads.push_back(Load);
    else if (isa<ConstantExpr>(U))
      collectLoads(U, Loads);
}

PreservedAnalyses WarpQueryResolutionPass::run(Module &M,
                                               ModuleAnalysisManager &) {
  GlobalVariable *Query =
      M.getGlobalVariable(WarpSubGroupQueryName, /*AllowInternal=*/true);
  if (!Query)
    return PreservedAnalyses::all();
  SmallVector<LoadInst *, 8> Loads;
  collectLoads(Query, Loads);
  MapVector<Function *, SmallVector<BasicBlock *, 4>> Readers;
  for (LoadInst *Load : Loads) {
    LLVM_DEBUG(dbgs() << "in " << Load->getFunction()->getName() << ": "
                      << HasWarpSubGroups << "\n");
    Readers[Load->getFunction()].push_back(Load->getParent());
    Load->replaceAllUsesWith(
        ConstantInt::get(Load->getType(), HasWarpSubGroups ? 1 : 0));
    Load->eraseFromParent();
    ++NumQueriesResolved;
  }
  SmallVector<Function *, 16> Unused;
  for (auto &[F, Switches] : Readers)
    foldResolvedBranches(*F, Switches, Unused);
  Query->removeDeadConstantUsers();
  if (Query->use_empty())
    Query->eraseFromParent();
  // The functions only the deleted path called, and theirs: the others keep
  // their places in the module (the order the inliner visits them in).
  SmallPtrSet<Function *, 16> Erased;
  while (!Unused.empty()) {
    Function *F = Unused.pop_back_val();
    if (Erased.count(F) || !F->use_empty() ||
        !(F->isDeclaration() || F->isDiscardableIfUnused()) || F->isIntrinsic())
      continue;
    for (Instruction &I : instructions(*F))
      for (Value *Op : I.operands())
        if (auto *Callee = dyn_cast<Function>(Op->stripPointerCasts()))
          Unused.push_back(Callee);
    F->dropAllReferences();
    Erased.insert(F);
  }
  for (Function *F : Erased)
    F->eraseFromParent();
  return PreservedAnalyses::none();
}

} // namespace dpex
