// A precompiled header of <dpex/kernel.hpp>, built once per frontend
// configuration and kept in dpex's cache directory (docs/cli.md, "Precompiled
// kernel header"). Most of the frontend's time on a small source is parsing
// the kernel headers and the libstdc++ headers they include; a source that
// opens with #include <dpex/kernel.hpp> can start from the parsed state
// instead.
#pragma once

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace dpex {

// One file the precompiled header read, for the dependency list of a source
// compiled with it.
struct HeaderDependency {
  std::string Path;
  bool System = false;
};

struct KernelHeaderPCH {
  std::string Path;
  // In the order the headers were first read, as a source that includes
  // <dpex/kernel.hpp> first would read them.
  std::vector<HeaderDependency> Dependencies;
};

// True when the first thing in `Source`, comments and blank lines aside, is
// `#include <dpex/kernel.hpp>`: only then is starting from the precompiled
// header the same as reading the source.
bool opensWithKernelHeader(llvm::StringRef Source);

// The precompiled header for the clang -cc1 arguments `Args` (without the
// executable, "-cc1" and the source), built first if the cache has none or
// one older than a header it read. None when the cache is off or not
// writable, or building it printed any diagnostic: the caller then parses
// the headers itself.
llvm::Optional<KernelHeaderPCH>
findOrBuildKernelHeaderPCH(llvm::ArrayRef<std::string> Args);

// The libstdc++ settings dpexc's frontend makes after <bits/c++config.h>,
// as text for the preprocessor's predefines (KernelFrontend.cpp says why).
// The precompiled header is built with them too.
llvm::StringRef libstdcxxDevicePredefines();

} // namespace dpex
