// rewriteCalls, the loop of the built-in lowerings: which uses of the
// declaration it replaces, which it leaves, and when the declaration goes.
#include "dpex/compiler/CallRewriting.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Support/SourceMgr.h"

#include <catch2/catch.hpp>

using namespace llvm;
using dpex::rewriteCalls;

namespace {

// @twice is called twice, once with 1 and once with 2; @table holds its
// address and @apply is given it, uses that are no calls of it.
constexpr const char *Source = R"(
declare i32 @twice(i32)
declare i32 @apply(i32 (i32)*)
@table = global i32 (i32)* @twice
define i32 @k() {
  %a = call i32 @twice(i32 1)
  %b = call i32 @twice(i32 2)
  %c = call i32 @apply(i32 (i32)* @twice)
  %s = add i32 %a, %b
  %t = add i32 %s, %c
  ret i32 %t
}
)";

std::unique_ptr<Module> parse(LLVMContext &Ctx, StringRef Text) {
  SMDiagnostic Err;
  std::unique_ptr<Module> M = parseAssemblyString(Text, Err, Ctx);
  REQUIRE(M);
  return M;
}

// The argument of each call of @twice left in @k, in order.
std::vector<uint64_t> callsLeft(Module &M) {
  std::vector<uint64_t> Args;
  for (Instruction &I : M.getFunction("k")->getEntryBlock())
    if (auto *Call = dyn_cast<CallInst>(&I);
        Call && Call->getCalledFunction()->getName() == "twice")
      Args.push_back(cast<ConstantInt>(Call->getArgOperand(0))->getZExtValue());
  return Args;
}

// Replaces a call of @twice by its argument times two.
Value *doubled(IRBuilder<> &B, CallInst &Call) {
  return B.CreateShl(Call.getArgOperand(0), 1);
}

} // namespace

TEST_CASE("rewriteCalls replaces the calls, keeps a declaration still used",
          "[call-rewriting]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(Ctx, Source);
  CHECK(rewriteCalls(*M->getFunction("twice"), doubled));
  CHECK(callsLeft(*M).empty());
  // @table and @apply still take the address: the declaration stays.
  REQUIRE(M->getFunction("twice"));
  CHECK(M->getFunction("twice")->getNumUses() == 2);
  CHECK_FALSE(verifyModule(*M, &errs()));
}

TEST_CASE("rewriteCalls leaves a call the rewrite declines",
          "[call-rewriting]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(Ctx, Source);
  auto OnlyOfTwo = [](IRBuilder<> &B, CallInst &Call) -> Value * {
    if (cast<ConstantInt>(Call.getArgOperand(0))->getZExtValue() != 2)
      return nullptr;
    return doubled(B, Call);
  };
  CHECK(rewriteCalls(*M->getFunction("twice"), OnlyOfTwo));
  CHECK(callsLeft(*M) == std::vector<uint64_t>{1});
  CHECK_FALSE(verifyModule(*M, &errs()));
}

TEST_CASE("rewriteCalls erases the declaration once nothing uses it",
          "[call-rewriting]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(Ctx, Source);
  M->getGlobalVariable("table")->eraseFromParent();
  CallInst *Apply = nullptr;
  for (Instruction &I : M->getFunction("k")->getEntryBlock())
    if (auto *Call = dyn_cast<CallInst>(&I);
        Call && Call->getCalledFunction()->getName() == "apply")
      Apply = Call;
  REQUIRE(Apply);
  Apply->replaceAllUsesWith(ConstantInt::get(Apply->getType(), 0));
  Apply->eraseFromParent();
  CHECK(rewriteCalls(*M->getFunction("twice"), doubled));
  CHECK_FALSE(M->getFunction("twice"));
  CHECK_FALSE(verifyModule(*M, &errs()));

  // An unused declaration alone is a change too.
  std::unique_ptr<Module> Unused = parse(Ctx, "declare i32 @twice(i32)\n");
  CHECK(rewriteCalls(*Unused->getFunction("twice"), doubled));
  CHECK_FALSE(Unused->getFunction("twice"));
}

TEST_CASE("rewriteCalls changes nothing when it declines every call",
          "[call-rewriting]") {
  LLVMContext Ctx;
  std::unique_ptr<Module> M = parse(Ctx, Source);
  auto None = [](IRBuilder<> &, CallInst &) -> Value * { return nullptr; };
  CHECK_FALSE(rewriteCalls(*M->getFunction("twice"), None));
  CHECK(callsLeft(*M) == std::vector<uint64_t>{1, 2});
}
