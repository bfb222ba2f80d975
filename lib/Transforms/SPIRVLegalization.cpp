// Rewrites the constructs of optimised LLVM IR that SPIRV-LLVM-Translator 15
// cannot take, or turns into SPIR-V that spirv-val rejects:
// - `freeze` (the optimiser adds it when it pairs `x / c` with `x % c`): the
//   translator ends the process on it. Each is replaced by its operand, as
//   later translators do; a device computes with whatever value it holds.
// - a terminator with two edges into one block with phis (a switch whose two
//   cases share a target, from `s == 5 || s == 9`): the translator writes an
//   OpPhi that names the predecessor twice, which the validator rejects.
//   Each such target is reached through one block of its own instead.
// - a fixed-size alloca outside the entry block (the inliner leaves a local
//   array of a function called inside a loop there): every OpVariable must
//   open the first block. Such allocas move to the entry block.
// - `atomicrmw` nand, fadd, fsub, fmax and fmin (from a device library or
//   __atomic built-ins): SPIR-V 1.0 has no such atomic and the translator
//   ends the process. Each becomes a compare-exchange loop.
// - a dbg.declare of an undef address (SROA leaves one when it splits a
//   variable it cannot describe): the translator writes a DebugDeclare whose
//   Variable is no OpVariable, which spirv-val rejects. It describes
//   nothing, so it goes.
// - a select of vectors on one boolean (the loop vectoriser's masks of a
//   predicated `x / w` in a loop with a data-dependent trip count): SPIR-V
//   before 1.4 wants a condition of the vectors' size, spirv-val rejects the
//   translator's OpSelect otherwise. The boolean is splat.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"
#include "llvm/Transforms/Utils/LowerAtomic.h"

#define DEBUG_TYPE "dpex-legalize-for-spirv"

using namespace llvm;

STATISTIC(NumFreezesRemoved, "freeze instructions replaced by their operand");
STATISTIC(NumEdgesSplit, "Repeated edges into a block with phis split");
STATISTIC(NumAllocasHoisted, "Fixed-size allocas moved to the entry block");
STATISTIC(NumAtomicsExpanded,
          "atomicrmw without a SPIR-V atomic made compare-exchange loops");
STATISTIC(NumDeclaresDropped, "dbg.declare of an undef address removed");
STATISTIC(NumSelectConditionsSplat,
          "Boolean conditions of vector selects splat to vectors");

namespace dpex {

static bool removeFreezes(Function &F) {
  bool Changed = false;
  for (Instruction &I : make_early_inc_range(instructions(F)))
    if (auto *Freeze = dyn_cast<FreezeInst>(&I)) {
      Freeze->replaceAllUsesWith(Freeze->getOperand(0));
      Freeze->eraseFromParent();
      ++NumFreezesRemoved;
      Changed = true;
    }
  return Changed;
}

// All edges from BB to Succ go through one new block, so Succ's phis name
// each predecessor once.
static void splitRepeatedEdges(BasicBlock &BB, BasicBlock &Succ) {
  BasicBlock *Via = BasicBlock::Create(BB.getContext(),
                                       BB.getName() + ".to." + Succ.getName(),
                                       BB.getParent(), &Succ);
  BranchInst::Create(&Succ, Via);
  Instruction *Term = BB.getTerminator();
  for (unsigned I = 0, E = Term->getNumSuccessors(); I != E; ++I)
    if (Term->getSuccessor(I) == &Succ)
      Term->setSuccessor(I, Via);
  for (PHINode &Phi : Succ.phis()) {
    Value *V = Phi.getIncomingValueForBlock(&BB);
    while (Phi.getBasicBlockIndex(&BB) >= 0)
      Phi.removeIncomingValue(&BB, /*DeletePHIIfEmpty=*/false);
    Phi.addIncoming(V, Via);
  }
  ++NumEdgesSplit;
}

static bool splitRepeatedEdgesIntoPhis(Function &F) {
  bool Changed = false;
  for (BasicBlock &BB : make_early_inc_range(F)) {
    Instruction *Term = BB.getTerminator();
    if (!Term)
      continue;
    SmallPtrSet<BasicBlock *, 8> Seen, Repeated;
    for (BasicBlock *Succ : successors(&BB))
      if (!Seen.insert(Succ).second && !Succ->phis().empty())
        Repeated.insert(Succ);
    for (BasicBlock *Succ : Repeated) {
      LLVM_DEBUG(dbgs() << F.getName() << ": splitting the edges "
                        << BB.getName() << " -> " << Succ->getName() << '\n');
      splitRepeatedEdges(BB, *Succ);
      Changed = true;
    }
  }
  return Changed;
}

static bool hoistFixedSizeAllocas(Function &F) {
  if (F.isDeclaration())
    return false;
  BasicBlock &Entry = F.getEntryBlock();
  // After the entry block's own allocas, so their order is kept.
  BasicBlock::iterator InsertAt = Entry.getFirstInsertionPt();
  while (isa<AllocaInst>(*InsertAt))
    ++InsertAt;
  bool Changed = false;
  for (BasicBlock &BB : F) {
    if (&BB == &Entry)
      continue;
    for (Instruction &I : make_early_inc_range(BB)) {
      auto *Alloca = dyn_cast<AllocaInst>(&I);
      if (!Alloca || !isa<ConstantInt>(Alloca->getArraySize()))
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": hoisting " << *Alloca << '\n');
      Alloca->moveBefore(&*InsertAt);
      ++NumAllocasHoisted;
      Changed = true;
    }
  }
  return Changed;
}

static bool hasSPIRVAtomic(AtomicRMWInst::BinOp Op) {
  switch (Op) {
  case AtomicRMWInst::Nand:
  case AtomicRMWInst::FAdd:
  case AtomicRMWInst::FSub:
  case AtomicRMWInst::FMax:
  case AtomicRMWInst::FMin:
    return false;
  default:
    return true;
  }
}

// old = load; loop: new = op(old); (old', ok) = cmpxchg(p, old, new);
// until ok. The compare-exchange works on the integer of the value's bits.
static void expandToCompareExchangeLoop(AtomicRMWInst &RMW) {
  BasicBlock *Before = RMW.getParent();
  BasicBlock *After = Before->splitBasicBlock(&RMW, "atomicrmw.end");
  BasicBlock *Loop = BasicBlock::Create(RMW.getContext(), "atomicrmw.loop",
                                        Before->getParent(), After);
  Before->getTerminator()->setSuccessor(0, Loop);
  Type *T = RMW.getType();
  Value *Ptr = RMW.getPointerOperand();
  IRBuilder<> B(Before->getTerminator());
  LoadInst *Initial = B.CreateAlignedLoad(T, Ptr, RMW.getAlign());
  Initial->setVolatile(RMW.isVolatile());
  B.SetInsertPoint(Loop);
  PHINode *Loaded = B.CreatePHI(T, 2, "loaded");
  Loaded->addIncoming(Initial, Before);
  Value *New =
      buildAtomicRMWValue(RMW.getOperation(), B, Loaded, RMW.getValOperand());
  IntegerType *Bits = B.getIntNTy(T->getPrimitiveSizeInBits());
  Value *BitsPtr = B.CreatePointerCast(
      Ptr, Bits->getPointerTo(Ptr->getType()->getPointerAddressSpace()));
  Value *Expected = B.CreateBitCast(Loaded, Bits);
  Value *Desired = B.CreateBitCast(New, Bits);
  auto *Exchange = B.CreateAtomicCmpXchg(
      BitsPtr, Expected, Desired, RMW.getAlign(), RMW.getOrdering(),
      AtomicCmpXchgInst::getStrongestFailureOrdering(RMW.getOrdering()),
      RMW.getSyncScopeID());
  Exchange->setVolatile(RMW.isVolatile());
  Value *Old = B.CreateBitCast(B.CreateExtractValue(Exchange, 0), T);
  Value *Done = B.CreateExtractValue(Exchange, 1);
  Loaded->addIncoming(Old, Loop);
  B.CreateCondBr(Done, After, Loop);
  RMW.replaceAllUsesWith(Old);
  RMW.eraseFromParent();
}

static bool expandAtomicsWithoutSPIRV(Function &F) {
  SmallVector<AtomicRMWInst *, 4> Expand;
  for (Instruction &I : instructions(F))
    if (auto *RMW = dyn_cast<AtomicRMWInst>(&I))
      if (!hasSPIRVAtomic(RMW->getOperation()))
        Expand.push_back(RMW);
  for (AtomicRMWInst *RMW : Expand) {
    LLVM_DEBUG(dbgs() << F.getName() << ": expanding " << *RMW << '\n');
    expandToCompareExchangeLoop(*RMW);
    ++NumAtomicsExpanded;
  }
  return !Expand.empty();
}

static bool removeDeclaresOfNothing(Function &F) {
  bool Changed = false;
  for (Instruction &I : make_early_inc_range(instructions(F)))
    if (auto *Declare = dyn_cast<DbgDeclareInst>(&I))
      if (isa<UndefValue>(Declare->getAddress())) {
        Declare->eraseFromParent();
        ++NumDeclaresDropped;
        Changed = true;
      }
  return Changed;
}

static bool splatVectorSelectConditions(Function &F) {
  bool Changed = false;
  for (Instruction &I : instructions(F)) {
    auto *Select = dyn_cast<SelectInst>(&I);
    auto *VT = Select ? dyn_cast<VectorType>(Select->getType()) : nullptr;
    if (!VT || Select->getCondition()->getType()->isVectorTy())
      continue;
    IRBuilder<> B(Select);
    Select->setCondition(
        B.CreateVectorSplat(VT->getElementCount(), Select->getCondition()));
    ++NumSelectConditionsSplat;
    Changed = true;
  }
  return Changed;
}

PreservedAnalyses SPIRVLegalizationPass::run(Module &M,
                                             ModuleAnalysisManager &) {
  bool Changed = false;
  for (Function &F : M) {
    Changed |= removeFreezes(F);
    Changed |= expandAtomicsWithoutSPIRV(F);
    Changed |= splitRepeatedEdgesIntoPhis(F);
    Changed |= hoistFixedSizeAllocas(F);
    Changed |= removeDeclaresOfNothing(F);
    Changed |= splatVectorSelectConditions(F);
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
