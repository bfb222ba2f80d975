// With -g: a variable whose location needs a DWARF operator that
// OpenCL.DebugInfo.100 has no DebugOperation for keeps its name and type and
// is described as optimised out at that point, as a debugger shows a value
// the compiler could not describe. The translator stops with an error at
// such an operator, e.g. the DW_OP_LLVM_convert the optimiser attaches to a
// value it salvaged through a zext (a `bool` parameter is enough). So is a
// location that is an instruction not dominating the dbg.value (the
// optimiser sank it into a later block and left the dbg.value naming it):
// LLVM's code generators ignore such a location, but translated it is a
// DebugValue using an id not yet defined, which spirv-val rejects.
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#include <memory>

#define DEBUG_TYPE "dpex-legalize-debug-locations"

using namespace llvm;

STATISTIC(NumLocationsDropped, "Variable locations described as optimised out");

namespace dpex {

static bool isOpenCLDebugOperation(uint64_t Op) {
  switch (Op) {
  case dwarf::DW_OP_deref:
  case dwarf::DW_OP_plus:
  case dwarf::DW_OP_minus:
  case dwarf::DW_OP_plus_uconst:
  case dwarf::DW_OP_bit_piece:
  case dwarf::DW_OP_swap:
  case dwarf::DW_OP_xderef:
  case dwarf::DW_OP_stack_value:
  case dwarf::DW_OP_constu:
  case dwarf::DW_OP_LLVM_fragment:
    return true;
  default:
    return false;
  }
}

PreservedAnalyses DebugLocationLegalizationPass::run(Module &M,
                                                     ModuleAnalysisManager &) {
  // Only a module with debug info becomes OpenCL.DebugInfo.100.
  if (!M.getNamedMetadata("llvm.dbg.cu"))
    return PreservedAnalyses::all();
  bool Changed = false;
  for (Function &F : M) {
    std::unique_ptr<DominatorTree> DT; // built at the first location
    auto Dominates = [&](Value *Location, const Instruction &User) {
      auto *Def = dyn_cast_or_null<Instruction>(Location);
      if (!Def)
        return true;
      if (!DT)
        DT = std::make_unique<DominatorTree>(F);
      return DT->dominates(Def, &User);
    };
    for (Instruction &I : instructions(F)) {
      auto *Dbg = dyn_cast<DbgVariableIntrinsic>(&I);
      if (!Dbg || (all_of(Dbg->getExpression()->expr_ops(),
                          [](const DIExpression::ExprOperand &Op) {
                            return isOpenCLDebugOperation(Op.getOp());
                          }) &&
                   all_of(Dbg->location_ops(), [&](Value *Location) {
                     return Dominates(Location, *Dbg);
                   })))
        continue;
      LLVM_DEBUG(dbgs() << F.getName() << ": location of '"
                        << Dbg->getVariable()->getName()
                        << "' described as optimised out\n");
      DIExpression *Location = DIExpression::get(M.getContext(), {});
      if (auto Fragment = Dbg->getExpression()->getFragmentInfo())
        Location = *DIExpression::createFragmentExpression(
            Location, Fragment->OffsetInBits, Fragment->SizeInBits);
      Dbg->setExpression(Location);
      Dbg->setUndef();
      ++NumLocationsDropped;
      Changed = true;
    }
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
