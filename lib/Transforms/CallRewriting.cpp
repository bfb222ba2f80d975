#include "dpex/compiler/CallRewriting.h"

#include "llvm/IR/Instructions.h"

using namespace llvm;

namespace dpex {

bool rewriteCalls(Function &F, CallRewrite Rewrite) {
  bool Changed = false;
  for (User *U : make_early_inc_range(F.users())) {
    auto *Call = dyn_cast<CallInst>(U);
    if (!Call || Call->getCalledFunction() != &F)
      continue;
    IRBuilder<> B(Call);
    Value *New = Rewrite(B, *Call);
    if (!New)
      continue;
    Call->replaceAllUsesWith(New);
    Call->eraseFromParent();
    Changed = true;
  }
  if (F.use_empty()) {
    F.eraseFromParent();
    Changed = true;
  }
  return Changed;
}

} // namespace dpex
