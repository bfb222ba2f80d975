// The SPIR-V image: the device module through SPIRV-LLVM-Translator
// (lib/SPIRV), validated. It is the portable artifact every OpenCL 2.1+
// consumer takes, always embedded, and the input of the SPIR image.
#include "../ImageBuilders.h"
#include "dpex/compiler/SPIRV.h"

namespace dpex {

namespace {

class SPIRVImageBuilder : public ImageBuilder {
public:
  explicit SPIRVImageBuilder(const SPIRVImageOptions &Options)
      : Options(Options) {}

  llvm::StringRef name() const override { return "spirv"; }
  ImageFormat format() const override { return ImageFormat::spirv; }
  TargetKind target() const override { return TargetKind::SPIRV; }
  std::vector<EmitKind> emitKinds() const override {
    return {EmitKind::SPIRV, EmitKind::SPIRVAsm};
  }
  // Every image derives from it, and the stub always embeds it.
  bool wanted(const ImageRequest &) const override { return true; }

  std::vector<std::string> stages(const ImageRequest &Request) const override {
    std::vector<std::string> Stages = {"SPIR-V emission"};
    if (Options.Validate)
      Stages.push_back("SPIR-V validation");
    if (Request.emits(EmitKind::SPIRVAsm))
      Stages.push_back("SPIR-V disassembly");
    return Stages;
  }

  llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) override {
    In.Stage("SPIR-V emission");
    BuiltImage Image;
    auto SPIRV = emitSPIRV(In.DeviceModule, &Image.DerivationInput);
    if (!SPIRV)
      return SPIRV.takeError();
    Image.Bytes = std::move(*SPIRV);
    // Its own SPIR-V is never an image: only what it reads back.
    if (In.WarpDeviceModule)
      if (auto Warp =
              emitSPIRV(*In.WarpDeviceModule, &Image.WarpDerivationInput);
          !Warp)
        return Warp.takeError();
    if (Options.Validate) {
      In.Stage("SPIR-V validation");
      if (auto E = validateSPIRV(Image.Bytes))
        return E;
    }
    if (In.Request.emits(EmitKind::SPIRV))
      Image.Files.push_back({EmitKind::SPIRV, Image.Bytes});
    if (In.Request.emits(EmitKind::SPIRVAsm)) {
      In.Stage("SPIR-V disassembly");
      auto Text = disassembleSPIRV(Image.Bytes);
      if (!Text)
        return Text.takeError();
      Image.Files.push_back({EmitKind::SPIRVAsm, std::move(*Text)});
    }
    std::vector<BuiltImage> Images;
    Images.push_back(std::move(Image));
    return Images;
  }

private:
  const SPIRVImageOptions &Options;
};

} // namespace

std::unique_ptr<ImageBuilder>
createSPIRVImageBuilder(const CompilerOptions &Options) {
  return std::make_unique<SPIRVImageBuilder>(Options.SPIRV);
}

} // namespace dpex
