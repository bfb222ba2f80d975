// libdevice's `__nvvm_reflect` queries answered for the arch and options of
// one PTX image. LLVM 15's NVVMReflect answers __CUDA_PREC_SQRT with 0,
// which makes libdevice's sqrtf an approximation; nvcc's default is IEEE
// sqrt. So the queries are answered here, all in one place.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/TargetPasses.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/GlobalVariable.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#include <optional>

#define DEBUG_TYPE "dpex-nvptx-resolve-nvvm-reflect"

using namespace llvm;

STATISTIC(NumQueriesAnswered, "__nvvm_reflect queries answered");

namespace dpex {

// The string a `__nvvm_reflect` call asks about: its argument is a pointer
// to a constant C string.
static std::optional<StringRef> reflectQuery(const CallInst &Call) {
  auto *GV =
      dyn_cast<GlobalVariable>(Call.getArgOperand(0)->stripPointerCasts());
  if (!GV || !GV->hasInitializer())
    return std::nullopt;
  auto *Data = dyn_cast<ConstantDataSequential>(GV->getInitializer());
  if (!Data || !Data->isCString())
    return std::nullopt;
  return Data->getAsCString();
}

PreservedAnalyses NVVMReflectResolutionPass::run(Module &M,
                                                 ModuleAnalysisManager &) {
  // Also for LLVM's own NVVMReflect, which the NVPTX backend runs again.
  M.addModuleFlag(Module::Override, "nvvm-reflect-ftz",
                  Settings.FlushDenormals ? 1 : 0);
  Function *Reflect = M.getFunction("__nvvm_reflect");
  if (!Reflect)
    return PreservedAnalyses::none();
  IntegerType *I32 = Type::getInt32Ty(M.getContext());
  rewriteCalls(*Reflect, [&](IRBuilder<> &, CallInst &Call) -> Constant * {
    std::optional<StringRef> Query = reflectQuery(Call);
    if (!Query)
      return nullptr;
    int Value = 0; // what libdevice assumes of a feature it is not told of
    if (*Query == "__CUDA_FTZ")
      Value = Settings.FlushDenormals;
    else if (*Query == "__CUDA_PREC_SQRT")
      Value = Settings.PreciseSqrt;
    else if (*Query == "__CUDA_ARCH")
      Value = static_cast<int>(Settings.Arch) * 10; // sm_80: 800
    LLVM_DEBUG(dbgs() << Call.getFunction()->getName() << ": " << *Query
                      << " is " << Value << "\n");
    ++NumQueriesAnswered;
    return ConstantInt::get(I32, Value);
  });
  return PreservedAnalyses::none();
}

} // namespace dpex
