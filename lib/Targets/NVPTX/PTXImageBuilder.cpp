// The PTX images (PTXImage.cpp), one per CUDA arch, derived from the SPIR
// image with its range guards. The PTX of a SASS-only arch is built for the
// cubin builder only.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

namespace dpex {

namespace {

class PTXImageBuilder : public ImageBuilder {
public:
  explicit PTXImageBuilder(const CudaImageOptions &Options)
      : Options(Options) {}

  llvm::StringRef name() const override { return "ptx"; }
  ImageFormat format() const override { return ImageFormat::ptx; }
  llvm::StringRef input() const override { return "spir"; }
  TargetKind target() const override { return TargetKind::CUDA; }
  std::vector<EmitKind> emitKinds() const override { return {EmitKind::PTX}; }
  bool wantsWarpSubGroups() const override { return true; }

  std::vector<std::string> stages(const ImageRequest &Request) const override {
    PTXOptions PTX = ptxOptions(Request);
    std::vector<std::string> Stages;
    for (unsigned Arch : Options.Archs)
      Stages.push_back(stageName(Arch, PTX));
    return Stages;
  }

  llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) override {
    PTXOptions PTX = ptxOptions(In.Request);
    const BuiltImage &SPIR = In.Sibling->front();
    std::vector<BuiltImage> Images;
    for (unsigned Arch : Options.Archs) {
      In.Stage(stageName(Arch, PTX));
      auto Built = buildPTXImage(SPIR.derivationInput(), Arch, PTX);
      if (!Built)
        return Built.takeError();
      BuiltImage Image;
      Image.Bytes = std::move(Built->Text);
      Image.CudaArch = Arch;
      Image.Embedded = !isSASSOnlyCudaArch(Arch);
      Image.Omitted = SPIR.derivationOmitted();
      llvm::append_range(Image.Omitted, Built->Omitted);
      if (In.Request.emits(EmitKind::PTX))
        Image.Files.push_back({EmitKind::PTX, Image.Bytes});
      Images.push_back(std::move(Image));
    }
    return Images;
  }

private:
  const CudaImageOptions &Options;

  PTXOptions ptxOptions(const ImageRequest &Request) const {
    PTXOptions PTX;
    PTX.FastMath = Request.FastMath;
    PTX.LineDirectivesOnly = Request.Debug == DebugInfo::LineTablesOnly;
    PTX.LibDevice = Options.LibDevice == "none" ? ""
                    : Options.LibDevice.empty() ? findLibDevice()
                                                : Options.LibDevice;
    return PTX;
  }

  static std::string stageName(unsigned Arch, const PTXOptions &PTX) {
    return "PTX image " + cudaArchName(Arch) + ", " +
           (PTX.LibDevice.empty()
                ? "math from libclc"
                : "math from libdevice '" + PTX.LibDevice + "'");
  }
};

} // namespace

std::unique_ptr<ImageBuilder>
createPTXImageBuilder(const CompilerOptions &Options) {
  return std::make_unique<PTXImageBuilder>(Options.CUDA);
}

} // namespace dpex
