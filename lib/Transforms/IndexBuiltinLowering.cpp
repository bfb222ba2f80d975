// <dpex/kernel.hpp> asks for index-space values through `__dpex_*` calls.
// They become the translator's SPIR-V friendly built-in calls
// (`__spirv_BuiltInGlobalInvocationId(i32)` etc.), which it emits as
// BuiltIn-decorated Input variables. Unlike loads of a <3 x i64> global,
// these calls stay intact through InstCombine, and as readnone calls they
// still CSE and hoist like any pure value.
#include "dpex/compiler/CallRewriting.h"
#include "dpex/compiler/Transforms.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Debug.h"

#define DEBUG_TYPE "dpex-lower-index-builtins"

using namespace llvm;

STATISTIC(NumIndexCallsLowered, "Index intrinsic calls turned into built-ins");

namespace dpex {

static constexpr std::pair<const char *, const char *> IndexBuiltins[] = {
    {"__dpex_global_id", "_Z33__spirv_BuiltInGlobalInvocationIdi"},
    {"__dpex_global_size", "_Z25__spirv_BuiltInGlobalSizei"},
    {"__dpex_local_id", "_Z32__spirv_BuiltInLocalInvocationIdi"},
    {"__dpex_local_size", "_Z28__spirv_BuiltInWorkgroupSizei"},
    {"__dpex_group_id", "_Z26__spirv_BuiltInWorkgroupIdi"},
    {"__dpex_num_groups", "_Z28__spirv_BuiltInNumWorkgroupsi"},
};

PreservedAnalyses IndexBuiltinLoweringPass::run(Module &M,
                                                ModuleAnalysisManager &) {
  bool Changed = false;
  LLVMContext &Ctx = M.getContext();
  Type *I64 = Type::getInt64Ty(Ctx);
  Type *I32 = Type::getInt32Ty(Ctx);
  for (auto [Intrinsic, Builtin] : IndexBuiltins) {
    Function *F = M.getFunction(Intrinsic);
    if (!F)
      continue;
    LLVM_DEBUG(dbgs() << "lowering " << Intrinsic << " to " << Builtin << '\n');
    FunctionCallee Callee =
        M.getOrInsertFunction(Builtin, FunctionType::get(I64, {I32}, false));
    auto *BuiltinFn = cast<Function>(Callee.getCallee());
    BuiltinFn->setCallingConv(CallingConv::SPIR_FUNC);
    BuiltinFn->setDoesNotAccessMemory();
    BuiltinFn->setDoesNotThrow();
    BuiltinFn->setWillReturn();
    rewriteCalls(*F, [&](IRBuilder<> &B, CallInst &Call) {
      ++NumIndexCallsLowered;
      CallInst *New =
          B.CreateCall(Callee, B.CreateZExtOrTrunc(Call.getArgOperand(0), I32));
      New->setCallingConv(CallingConv::SPIR_FUNC);
      return B.CreateZExtOrTrunc(New, Call.getType());
    });
    Changed = true;
  }
  return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
}

} // namespace dpex
