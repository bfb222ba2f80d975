// The loop the built-in lowerings of lib/Transforms and lib/Targets share:
// each direct call of one declaration replaced by what a pass builds for it.
#pragma once

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/IR/IRBuilder.h"

namespace dpex {

// What replaces `Call`, built with `B` (placed before the call), or nullptr
// to leave the call as it is (then having built nothing). The pass counts
// and reports each call it replaces here, under its own DEBUG_TYPE.
using CallRewrite = llvm::function_ref<llvm::Value *(llvm::IRBuilder<> &B,
                                                     llvm::CallInst &Call)>;

// Replaces each call of `F` (as the callee; other uses stay) by what
// `Rewrite` returns for it, then erases `F` if nothing uses it any more.
// Whether the module changed.
bool rewriteCalls(llvm::Function &F, CallRewrite Rewrite);

} // namespace dpex
