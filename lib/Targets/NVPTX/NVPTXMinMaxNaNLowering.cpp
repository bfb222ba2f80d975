// OpenCL's fmin and fmax return the other operand when one is a NaN. On
// NVIDIA GPUs, the min/max instruction that libdevice (`__nv_fminf`) and
// libclc (`llvm.minnum`) both end in does not keep the sign of a zero next
// to a NaN: fmin(-0.0f, NAN) came out +0. Each call's result is therefore
// replaced by the non-NaN operand, selected explicitly, wherever one
// operand is a NaN; the instruction still decides every other case
// (fmin(-0, +0) may be either zero, as OpenCL allows).
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-fmin-fmax-nans"

using namespace llvm;

STATISTIC(NumCallsGuarded, "fmin/fmax calls given explicit NaN operands");

namespace dpex {
namespace {

// OpenCL's fmin/fmax over two operands of its result's floating-point type
// (`_Z4fminff`, `_Z4fmaxdd`, `_Z4fminDv4_fS_`), not the mixed vector-scalar
// forms.
bool isMinMax(const Function &F) {
  StringRef Name = F.getName();
  if (!Name.consume_front("_Z4fmin") && !Name.consume_front("_Z4fmax"))
    return false;
  Type *T = F.getReturnType();
  return T->isFPOrFPVectorTy() && F.arg_size() == 2 &&
         F.getFunctionType()->getParamType(0) == T &&
         F.getFunctionType()->getParamType(1) == T;
}

void guardNaNs(CallInst &Call) {
  SmallVector<Use *, 4> Uses;
  for (Use &U : Call.uses())
    Uses.push_back(&U);
  IRBuilder<> B(Call.getNextNode());
  Value *X = Call.getArgOperand(0), *Y = Call.getArgOperand(1);
  Value *R = B.CreateSelect(B.CreateFCmpUNO(X, X), Y, &Call);
  R = B.CreateSelect(B.CreateFCmpUNO(Y, Y), X, R, Call.getName() + ".nan");
  for (Use *U : Uses)
    U->set(R);
  ++NumCallsGuarded;
}

} // namespace

PreservedAnalyses NVPTXMinMaxNaNLoweringPass::run(Module &M,
                                                  ModuleAnalysisManager &) {
  SmallVector<CallInst *, 16> Calls;
  for (Function &F : M)
    if (F.isDeclaration() && isMinMax(F))
      for (User *U : F.users())
        if (auto *Call = dyn_cast<CallInst>(U);
            Call && Call->getCalledFunction() == &F)
          Calls.push_back(Call);
  for (CallInst *Call : Calls) {
    LLVM_DEBUG(dbgs() << Call->getFunction()->getName() << ": guarding "
                      << *Call << '\n');
    guardNaNs(*Call);
  }
  return Calls.empty() ? PreservedAnalyses::all() : PreservedAnalyses::none();
}

} // namespace dpex
