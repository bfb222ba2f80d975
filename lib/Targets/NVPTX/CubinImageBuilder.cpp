// The cubin images (CubinImage.cpp): with --cuda-sass, each PTX image
// compiled by NVIDIA's ptxas for its arch.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

#include "llvm/Support/FileSystem.h"

namespace dpex {

namespace {

class CubinImageBuilder : public ImageBuilder {
public:
  explicit CubinImageBuilder(const CudaImageOptions &Options)
      : Options(Options) {}

  llvm::StringRef name() const override { return "cubin"; }
  ImageFormat format() const override { return ImageFormat::cubin; }
  llvm::StringRef input() const override { return "ptx"; }
  TargetKind target() const override { return TargetKind::CUDA; }
  // Only embedded: no --emit kind writes a cubin.
  bool wanted(const ImageRequest &Request) const override {
    return Options.SASS && Request.Embed;
  }

  std::vector<std::string> stages(const ImageRequest &) const override {
    std::string Ptxas = ptxas();
    std::vector<std::string> Stages;
    for (unsigned Arch : Options.Archs)
      Stages.push_back("SASS " + cudaArchName(Arch) +
                       (Ptxas.empty() ? " (no ptxas found: an error)"
                                      : " by ptxas '" + Ptxas + "'"));
    return Stages;
  }

  llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) override {
    std::string Ptxas = ptxas();
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

private:
  const CudaImageOptions &Options;

  std::string ptxas() const {
    return Options.Ptxas.empty() ? findPtxas() : Options.Ptxas;
  }
};

} // namespace

std::unique_ptr<ImageBuilder>
createCubinImageBuilder(const CompilerOptions &Options) {
  return std::make_unique<CubinImageBuilder>(Options.CUDA);
}

} // namespace dpex
