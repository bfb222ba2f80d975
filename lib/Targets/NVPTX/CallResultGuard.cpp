#include "CallResultGuard.h"

#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace dpex {

unsigned
guardCallResults(Module &M, function_ref<bool(const Function &)> IsCallee,
                 function_ref<Value *(IRBuilder<> &, CallInst &)> Guard) {
  SmallVector<CallInst *, 16> Calls;
  for (Function &F : M)
    if (F.isDeclaration() && IsCallee(F))
      for (User *U : F.users())
        if (auto *Call = dyn_cast<CallInst>(U);
            Call && Call->getCalledFunction() == &F)
          Calls.push_back(Call);
  for (CallInst *Call : Calls) {
    // The users before the guard, which becomes one more.
    SmallVector<Use *, 4> Uses;
    for (Use &U : Call->uses())
      Uses.push_back(&U);
    IRBuilder<> B(Call->getNextNode());
    Value *R = Guard(B, *Call);
    for (Use *U : Uses)
      U->set(R);
  }
  return Calls.size();
}

} // namespace dpex
