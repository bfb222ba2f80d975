// OpenCL's ldexp of a NaN is that NaN. libclc's double ldexp, which the PTX
// image links, adds the exponent to a NaN's all-ones exponent field like a
// number's and returns NaN as is only for n == 0: ldexp(NAN, -1) came out
// 0x1.8p1023, finite (and std::complex<double> division, which scales by
// scalbn, gave a finite quotient of a NaN). Each double ldexp call's result
// is therefore its NaN operand, selected explicitly, where that is a NaN.
#include "CallResultGuard.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-nvptx-lower-ldexp-nans"

using namespace llvm;

STATISTIC(NumCallsGuarded, "ldexp calls given an explicit NaN result");

namespace dpex {
namespace {

// OpenCL's ldexp of double or a double vector (`_Z5ldexpdi`,
// `_Z5ldexpDv2_dDv2_i`, `_Z5ldexpDv2_di`).
bool isDoubleLdexp(const Function &F) {
  Type *T = F.getReturnType();
  return F.getName().startswith("_Z5ldexp") &&
         T->getScalarType()->isDoubleTy() && F.arg_size() == 2 &&
         F.getFunctionType()->getParamType(0) == T;
}

} // namespace

PreservedAnalyses NVPTXLdexpNaNLoweringPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  unsigned Guarded =
      guardCallResults(M, isDoubleLdexp, [](IRBuilder<> &B, CallInst &Call) {
        LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": guarding "
                          << Call << '\n');
        Value *X = Call.getArgOperand(0);
        return B.CreateSelect(B.CreateFCmpUNO(X, X), X, &Call,
                              Call.getName() + ".nan");
      });
  NumCallsGuarded += Guarded;
  return Guarded ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
