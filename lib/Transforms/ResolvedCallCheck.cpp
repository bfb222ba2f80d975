// The closing check of every image: a call that is neither defined in the
// module nor provided by the image's consumer would fail only when a device
// loads the image (PoCL refuses the module, ptxas an extern function,
// Intel's runtime ran garbage), so it is a compile error at the call.
#include "dpex/compiler/Transforms.h"

#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Module.h"

using namespace llvm;

namespace dpex {

char UnresolvedCall::ID = 0;

void UnresolvedCall::log(raw_ostream &OS) const {
  if (!Positions.empty())
    OS << Positions.front().File << ':' << Positions.front().Line << ':'
       << Positions.front().Column << ": ";
  OS << Message;
}

std::error_code UnresolvedCall::convertToErrorCode() const {
  return inconvertibleErrorCode();
}

namespace {

// `_Z<length><name>...` with `name` outside any namespace: the form of an
// OpenCL built-in (`_Z5frexpdPi`) and of a SPIR-V friendly one
// (`_Z17__spirv_ocl_ldexpdi`).
bool isMangledBuiltin(StringRef Name, bool SPIRVFriendly) {
  if (!Name.consume_front("_Z") || Name.empty() || !isDigit(Name.front()))
    return false;
  unsigned Length = 0;
  if (Name.consumeInteger(10, Length) || Length > Name.size())
    return false;
  return Name.take_front(Length).startswith("__spirv_") == SPIRVFriendly;
}

bool provided(const Function &F, CallConsumer Consumer) {
  StringRef Name = F.getName();
  switch (Consumer) {
  case CallConsumer::SPIRV:
    // Intrinsics without SPIR-V are reported at emission.
    return F.isIntrinsic() || Name == "printf" ||
           isMangledBuiltin(Name, /*SPIRVFriendly=*/true);
  case CallConsumer::SPIR:
    return F.isIntrinsic() || Name == "printf" ||
           isMangledBuiltin(Name, /*SPIRVFriendly=*/false);
  case CallConsumer::PTX:
    return F.isIntrinsic() || Name == "vprintf";
  }
  return false;
}

const char *consumerName(CallConsumer Consumer) {
  switch (Consumer) {
  case CallConsumer::SPIRV:
    return "SPIR-V";
  case CallConsumer::SPIR:
    return "SPIR 1.2";
  case CallConsumer::PTX:
    return "PTX";
  }
  return "";
}

} // namespace

Error checkResolvedCalls(const Module &M, CallConsumer Consumer) {
  for (const Function &F : M) {
    if (!F.isDeclaration() || provided(F, Consumer))
      continue;
    for (const User *U : F.users()) {
      const auto *Call = dyn_cast<CallBase>(U);
      if (!Call || Call->getCalledFunction() != &F)
        continue;
      std::string Message = ("kernel code calls '" + F.getName() +
                             "', which no device provides: it is neither "
                             "defined in the kernel code nor built into " +
                             consumerName(Consumer) + " consumers")
                                .str();
      // As the source was named on the command line, as clang does.
      std::vector<UnresolvedCall::Position> Positions;
      for (const DILocation *Loc = Call->getDebugLoc(); Loc;
           Loc = Loc->getInlinedAt())
        Positions.push_back(
            {Loc->getFilename().str(), Loc->getLine(), Loc->getColumn()});
      if (Positions.empty())
        Message +=
            " (called from '" + Call->getFunction()->getName().str() + "')";
      return make_error<UnresolvedCall>(std::move(Message),
                                        std::move(Positions));
    }
  }
  return Error::success();
}

} // namespace dpex
