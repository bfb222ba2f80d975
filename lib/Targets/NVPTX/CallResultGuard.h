// Internal to the NVPTX passes: where a built-in libclc or libdevice gets
// wrong for NaN operands, its calls' results are replaced by an explicit
// choice built after each call.
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/IRBuilder.h"

namespace llvm {
class CallInst;
class Function;
class Module;
} // namespace llvm

namespace dpex {

// Each call to a declaration `IsCallee` accepts: `Guard` builds, right after
// the call, the value that replaces the call's result for all its users
// (the value may use the call). Returns how many calls were guarded.
unsigned guardCallResults(
    llvm::Module &M, llvm::function_ref<bool(const llvm::Function &)> IsCallee,
    llvm::function_ref<llvm::Value *(llvm::IRBuilder<> &, llvm::CallInst &)>
        Guard);

} // namespace dpex
