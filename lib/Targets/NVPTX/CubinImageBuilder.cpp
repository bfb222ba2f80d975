// The cubin images (CubinImage.cpp): with --cuda-sass, each PTX image
// compiled by NVIDIA's ptxas for its arch.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

#include "llvm/Support/FileSystem.h"

namespace dpex {

static std::string ptxasOf(const CompilerOptions &Options) {
  return Options.Ptxas.empty() ? findPtxas() : Options.Ptxas;
}

llvm::StringRef CubinImageBuilder::name() const { return "cubin"; }
ImageFormat CubinImageBuilder::format() const { return ImageFormat::cubin; }
llvm::StringRef CubinImageBuilder::input() const { return "ptx"; }

bool CubinImageBuilder::wanted(const CompilerOptions &Options) const {
  return Options.CudaSASS && embedded(Options);
}

bool CubinImageBuilder::embedded(const CompilerOptions &Options) const {
  return embedsFor(Options, TargetKind::CUDA);
}

std::vector<std::string>
CubinImageBuilder::stages(const CompilerOptions &Options) const {
  std::string Ptxas = ptxasOf(Options);
  std::vector<std::string> Stages;
  for (unsigned Arch : Options.CudaArchs)
    Stages.push_back("SASS " + cudaArchName(Arch) +
                     (Ptxas.empty() ? " (no ptxas found: an error)"
                                    : " by ptxas '" + Ptxas + "'"));
  return Stages;
}

llvm::Expected<std::vector<BuiltImage>>
CubinImageBuilder::build(const ImageBuildInput &In) {
  std::string Ptxas = ptxasOf(In.Options);
  if (Ptxas.empty())
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        "--cuda-sass needs NVIDIA's ptxas: none on PATH, under "
        "$CUDA_PATH/bin "
        "or /usr/local/cuda/bin; name it with --ptxas=<file>");
  if (!llvm::sys::fs::can_execute(Ptxas))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "--cuda-sass: cannot run ptxas '%s'",
                                   Ptxas.c_str());
  std::vector<BuiltImage> Images;
  for (const BuiltImage &PTX : *In.Sibling) {
    In.Stage("SASS " + cudaArchName(PTX.CudaArch) + " by ptxas '" + Ptxas +
             "'");
    auto Cubin = buildCubin(PTX.Bytes, PTX.CudaArch, Ptxas);
    if (!Cubin)
      return Cubin.takeError();
    BuiltImage Image;
    Image.Bytes = std::move(*Cubin);
    Image.CudaArch = PTX.CudaArch;
    Image.Omitted = PTX.Omitted;
    Images.push_back(std::move(Image));
  }
  return Images;
}

} // namespace dpex
