// DPEX_REQD_SUB_GROUP_SIZE(n) is `annotate("dpex.reqd_sub_group_size", n)`;
// the kernel gets `!intel_reqd_sub_group_size !{i32 n}`, which the entry
// KernelABILowering builds keeps and the SPIR-V translator turns into the
// SubgroupSize execution mode. The frontend runs it before the annotations
// are dropped.
#include "dpex/compiler/Transforms.h"

#include "llvm/Analysis/ValueTracking.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Metadata.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace dpex {

PreservedAnalyses SubGroupSizeAnnotationPass::run(Module &M,
                                                  ModuleAnalysisManager &) {
  GlobalVariable *GV = M.getGlobalVariable("llvm.global.annotations");
  auto *Entries = GV && GV->hasInitializer()
                      ? dyn_cast<ConstantArray>(GV->getInitializer())
                      : nullptr;
  if (!Entries)
    return PreservedAnalyses::all();
  bool Changed = false;
  for (Value *Op : Entries->operands()) {
    auto *Entry = dyn_cast<ConstantStruct>(Op);
    if (!Entry || Entry->getNumOperands() < 5)
      continue;
    auto *F = dyn_cast<Function>(Entry->getOperand(0)->stripPointerCasts());
    auto *Str =
        dyn_cast<GlobalVariable>(Entry->getOperand(1)->stripPointerCasts());
    auto *Args =
        dyn_cast<GlobalVariable>(Entry->getOperand(4)->stripPointerCasts());
    StringRef Name;
    if (!F || !Str || !Args || !getConstantStringInfo(Str, Name) ||
        Name != "dpex.reqd_sub_group_size")
      continue;
    auto *Values = dyn_cast<ConstantStruct>(Args->getInitializer());
    auto *Size = Values && Values->getNumOperands() == 1
                     ? dyn_cast<ConstantInt>(Values->getOperand(0))
                     : nullptr;
    if (!Size)
      continue;
    Type *I32 = Type::getInt32Ty(M.getContext());
    F->setMetadata(
        "intel_reqd_sub_group_size",
        MDNode::get(M.getContext(), ConstantAsMetadata::get(ConstantInt::get(
                                        I32, Size->getZExtValue()))));
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
