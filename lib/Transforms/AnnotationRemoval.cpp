// `llvm.global.annotations` (DPEX_KERNEL's annotate attribute) dropped from
// each source's module, with the strings only it used: the AST already told
// the frontend which functions are kernels, and left in, the annotations
// would keep every body alive. The strings go too: one is the source's
// absolute path, which a device library written from this module would
// otherwise carry.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/Module.h"

#define DEBUG_TYPE "dpex-drop-annotations"

using namespace llvm;

namespace dpex {

PreservedAnalyses AnnotationRemovalPass::run(Module &M,
                                             ModuleAnalysisManager &) {
  GlobalVariable *GV = M.getGlobalVariable("llvm.global.annotations");
  if (!GV)
    return PreservedAnalyses::all();
  GV->eraseFromParent();
  // The annotations reached the strings through constant expressions,
  // which outlive them.
  for (GlobalVariable &Str : make_early_inc_range(M.globals())) {
    if (Str.getSection() != "llvm.metadata")
      continue;
    Str.removeDeadConstantUsers();
    if (Str.use_empty())
      Str.eraseFromParent();
  }
  return PreservedAnalyses::none();
}

} // namespace dpex
