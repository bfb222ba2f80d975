// OpenCL's fmin and fmax return the other operand when one is a NaN. On
// NVIDIA GPUs, the min/max instruction that libdevice (`__nv_fminf`) and
// libclc (`llvm.minnum`) both end in does not keep the sign of a zero next
// to a NaN: fmin(-0.0f, NAN) came out +0. Each call's result is therefore
// replaced by the non-NaN operand, selected explicitly, wherever one
// operand is a NaN; the instruction still decides every other case
// (fmin(-0, +0) may be either zero, as OpenCL allows).
#include "CallResultGuard.h"
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

} // namespace

PreservedAnalyses NVPTXMinMaxNaNLoweringPass::run(Module &M,
                                                  ModuleAnalysisManager &) {
  unsigned Guarded =
      guardCallResults(M, isMinMax, [](IRBuilder<> &B, CallInst &Call) {
        LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": guarding "
                          << Call << '\n');
        Value *X = Call.getArgOperand(0), *Y = Call.getArgOperand(1);
        Value *R = B.CreateSelect(B.CreateFCmpUNO(X, X), Y, &Call);
        return B.CreateSelect(B.CreateFCmpUNO(Y, Y), X, R,
                              Call.getName() + ".nan");
      });
  NumCallsGuarded += Guarded;
  return Guarded ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
