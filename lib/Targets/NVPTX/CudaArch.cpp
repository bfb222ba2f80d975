// The CUDA architectures dpexc builds PTX for, and the PTX ISA version of
// each.
#include "CudaArch.h"
#include "dpex/compiler/Targets.h"

#include "llvm/ADT/STLExtras.h"

#include <cassert>
#include <vector>

namespace dpex {
namespace {

struct ArchInfo {
  unsigned Arch;
  unsigned PTXVersion; // ISA version as the NVPTX feature spells it: 75 = 7.5
};

// Each arch gets the oldest PTX ISA that has it: the driver must know the
// ISA version to JIT an image, so this lets an image load on every driver
// that supports its GPU at all. LLVM 15 needs no newer ISA for the code it
// emits here. sm_3x is left out: CUDA 12 and later drivers do not run
// Kepler GPUs. sm_87 and newer are past LLVM 15; those GPUs JIT the highest
// image below them.
constexpr ArchInfo Archs[] = {
    {50, 40}, {52, 41}, {53, 42}, {60, 50}, {61, 50}, {62, 50},
    {70, 60}, {72, 61}, {75, 63}, {80, 70}, {86, 71},
};

// GPUs past LLVM 15 (Ada, Hopper, Blackwell): their SASS is built by ptxas
// from the PTX of NewestPTXArch, which ptxas compiles for any newer arch.
constexpr unsigned SASSOnlyArchs[] = {89, 90, 100, 120};
constexpr unsigned NewestPTXArch = 86;

const ArchInfo *find(unsigned Arch) {
  if (llvm::is_contained(SASSOnlyArchs, Arch))
    Arch = NewestPTXArch;
  auto *It =
      llvm::find_if(Archs, [&](const ArchInfo &A) { return A.Arch == Arch; });
  return It == std::end(Archs) ? nullptr : It;
}

} // namespace

llvm::ArrayRef<unsigned> supportedCudaArchs() {
  static const std::vector<unsigned> Names = [] {
    std::vector<unsigned> Out;
    for (const ArchInfo &A : Archs)
      Out.push_back(A.Arch);
    return Out;
  }();
  return Names;
}

llvm::ArrayRef<unsigned> sassOnlyCudaArchs() { return SASSOnlyArchs; }

bool isSASSOnlyCudaArch(unsigned Arch) {
  return llvm::is_contained(SASSOnlyArchs, Arch);
}

std::optional<unsigned> parseCudaArch(llvm::StringRef Name) {
  for (const ArchInfo &A : Archs)
    if (Name == cudaArchName(A.Arch))
      return A.Arch;
  for (unsigned Arch : SASSOnlyArchs)
    if (Name == cudaArchName(Arch))
      return Arch;
  return std::nullopt;
}

unsigned ptxCodeArch(unsigned Arch) {
  return isSASSOnlyCudaArch(Arch) ? NewestPTXArch : Arch;
}

std::string cudaArchName(unsigned Arch) { return "sm_" + std::to_string(Arch); }

std::string cudaArchList(llvm::ArrayRef<unsigned> Archs) {
  std::string List;
  for (unsigned Arch : Archs)
    List += (List.empty() ? "" : ",") + cudaArchName(Arch);
  return List;
}

std::string ptxFeatureFor(unsigned Arch) {
  const ArchInfo *A = find(Arch);
  assert(A && "arch not in supportedCudaArchs()");
  return "+ptx" + std::to_string(A->PTXVersion);
}

} // namespace dpex
