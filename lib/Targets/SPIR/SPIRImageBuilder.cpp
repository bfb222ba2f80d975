// The SPIR 1.2 image (SPIRImage.cpp), for cl_khr_spir devices such as
// PoCL 3, derived from the SPIR-V as the translator wrote it. It runs on
// exact grids (no range guard); the guarded form is what the PTX image
// derives from.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

namespace dpex {

llvm::StringRef SPIRImageBuilder::name() const { return "spir"; }
ImageFormat SPIRImageBuilder::format() const { return ImageFormat::spir; }
llvm::StringRef SPIRImageBuilder::input() const { return "spirv"; }

bool SPIRImageBuilder::wanted(const CompilerOptions &Options) const {
  return emits(Options, EmitKind::SPIR) || embedded(Options);
}

bool SPIRImageBuilder::embedded(const CompilerOptions &Options) const {
  return embedsFor(Options, TargetKind::SPIR);
}

std::vector<std::string>
SPIRImageBuilder::stages(const CompilerOptions &) const {
  return {"SPIR 1.2 image"};
}

llvm::Expected<std::vector<BuiltImage>>
SPIRImageBuilder::build(const ImageBuildInput &In) {
  In.Stage("SPIR 1.2 image");
  auto SPIR = buildSPIRImage(In.Sibling->front().derivationInput());
  if (!SPIR)
    return SPIR.takeError();
  BuiltImage Image;
  Image.Bytes = std::move(SPIR->Bitcode);
  Image.DerivationInput = std::move(SPIR->GuardedBitcode);
  Image.Omitted = std::move(SPIR->Omitted);
  Image.Facts.RangeGuard = false;
  if (emits(In.Options, EmitKind::SPIR))
    Image.Files.push_back({EmitKind::SPIR, Image.Bytes});
  std::vector<BuiltImage> Images;
  Images.push_back(std::move(Image));
  return Images;
}

} // namespace dpex
