// dpexc's own warnings under clang's rules for -W<name>, -Wno-<name>,
// -Werror, -Werror=<name>, -Wno-error=<name>, -Weverything and -w.
#pragma once

#include "dpex/compiler/Frontend.h"

#include "llvm/ADT/StringRef.h"

namespace dpex {

enum class WarningLevel { Ignored, Warning, Error };

WarningLevel warningLevel(llvm::StringRef Name, const FrontendOptions &Options);

// Whether the text after a -W names one of dpexc's warnings (clang would
// report it as unknown).
bool isDpexWarningOption(llvm::StringRef Option);

} // namespace dpex
