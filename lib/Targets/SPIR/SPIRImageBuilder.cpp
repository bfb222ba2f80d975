// The SPIR 1.2 image (SPIRImage.cpp), for cl_khr_spir devices such as
// PoCL 3, derived from the SPIR-V as the translator wrote it. It runs on
// exact grids (no range guard) and lacks the kernels using sub-groups; the
// guarded form, with them, is what the PTX image derives from. It has no
// options of its own.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

namespace dpex {

namespace {

class SPIRImageBuilder : public ImageBuilder {
public:
  llvm::StringRef name() const override { return "spir"; }
  ImageFormat format() const override { return ImageFormat::spir; }
  llvm::StringRef input() const override { return "spirv"; }
  TargetKind target() const override { return TargetKind::SPIR; }
  std::vector<EmitKind> emitKinds() const override { return {EmitKind::SPIR}; }

  std::vector<std::string> stages(const ImageRequest &) const override {
    return {"SPIR 1.2 image"};
  }

  llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) override {
    In.Stage("SPIR 1.2 image");
    auto SPIR = buildSPIRImage(In.Sibling->front().derivationInput());
    if (!SPIR)
      return SPIR.takeError();
    BuiltImage Image;
    Image.Bytes = std::move(SPIR->Bitcode);
    Image.DerivationInput = std::move(SPIR->GuardedBitcode);
    Image.Omitted = std::move(SPIR->Omitted);
    Image.DerivationOmitted = std::move(SPIR->GuardedOmitted);
    // The PTX, which derives from the guarded form, has warp sub-groups.
    if (const std::string &Warp = In.Sibling->front().WarpDerivationInput;
        !Warp.empty()) {
      auto WarpSPIR = buildSPIRImage(Warp);
      if (!WarpSPIR)
        return WarpSPIR.takeError();
      Image.DerivationInput = std::move(WarpSPIR->GuardedBitcode);
      Image.DerivationOmitted = std::move(WarpSPIR->GuardedOmitted);
    }
    Image.Facts.RangeGuard = false;
    if (In.Request.emits(EmitKind::SPIR))
      Image.Files.push_back({EmitKind::SPIR, Image.Bytes});
    std::vector<BuiltImage> Images;
    Images.push_back(std::move(Image));
    return Images;
  }
};

} // namespace

std::unique_ptr<ImageBuilder> createSPIRImageBuilder(const CompilerOptions &) {
  return std::make_unique<SPIRImageBuilder>();
}

} // namespace dpex
