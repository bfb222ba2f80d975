#include "Warnings.h"

#include "dpex/compiler/Driver.h"

#include <optional>

namespace dpex {

WarningLevel warningLevel(llvm::StringRef Name,
                          const FrontendOptions &Options) {
  if (Options.NoWarnings)
    return WarningLevel::Ignored;
  // Every dpexc warning is on by default. The later of two flags wins.
  bool Enabled = true, AllErrors = false;
  std::optional<bool> Error;
  for (llvm::StringRef W : Options.Warnings) {
    bool Negated = W.consume_front("no-");
    if (W == Name || W == "everything") {
      Enabled = !Negated;
    } else if (W == "error") {
      AllErrors = !Negated;
    } else if (W.consume_front("error=") && W == Name) {
      Error = !Negated;
      // -Werror=<name> also enables it; -Wno-error=<name> leaves it as is.
      Enabled |= !Negated;
    }
  }
  if (!Enabled)
    return WarningLevel::Ignored;
  return Error.value_or(AllErrors) ? WarningLevel::Error
                                   : WarningLevel::Warning;
}

bool isDpexWarningOption(llvm::StringRef Option) {
  Option.consume_front("no-");
  Option.consume_front("error=");
  return Option == EmptyModuleWarning || Option == OmittedKernelWarning;
}

} // namespace dpex
