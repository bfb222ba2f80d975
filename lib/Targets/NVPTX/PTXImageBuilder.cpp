// The PTX images (PTXImage.cpp), one per --cuda-arch, derived from the SPIR
// image with its range guards. The PTX of a SASS-only arch is built for the
// cubin builder only.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

namespace dpex {

// How this compilation's options build the PTX.
static PTXOptions ptxOptions(const CompilerOptions &Options) {
  PTXOptions PTX;
  PTX.FastMath = Options.Frontend.FastMath;
  PTX.LineDirectivesOnly = Options.Frontend.Debug == DebugInfo::LineTablesOnly;
  PTX.LibDevice = Options.CudaLibDevice == "none" ? ""
                  : Options.CudaLibDevice.empty() ? findLibDevice()
                                                  : Options.CudaLibDevice;
  return PTX;
}

static std::string stageName(unsigned Arch, const PTXOptions &PTX) {
  return "PTX image " + cudaArchName(Arch) + ", " +
         (PTX.LibDevice.empty()
              ? "math from libclc"
              : "math from libdevice '" + PTX.LibDevice + "'");
}

llvm::StringRef PTXImageBuilder::name() const { return "ptx"; }
ImageFormat PTXImageBuilder::format() const { return ImageFormat::ptx; }
llvm::StringRef PTXImageBuilder::input() const { return "spir"; }

bool PTXImageBuilder::wanted(const CompilerOptions &Options) const {
  return emits(Options, EmitKind::PTX) || embedded(Options);
}

bool PTXImageBuilder::embedded(const CompilerOptions &Options) const {
  return embedsFor(Options, TargetKind::CUDA);
}

std::vector<std::string>
PTXImageBuilder::stages(const CompilerOptions &Options) const {
  PTXOptions PTX = ptxOptions(Options);
  std::vector<std::string> Stages;
  for (unsigned Arch : Options.CudaArchs)
    Stages.push_back(stageName(Arch, PTX));
  return Stages;
}

llvm::Expected<std::vector<BuiltImage>>
PTXImageBuilder::build(const ImageBuildInput &In) {
  PTXOptions PTX = ptxOptions(In.Options);
  const BuiltImage &SPIR = In.Sibling->front();
  std::vector<BuiltImage> Images;
  for (unsigned Arch : In.Options.CudaArchs) {
    In.Stage(stageName(Arch, PTX));
    auto Text = buildPTXImage(SPIR.derivationInput(), Arch, PTX);
    if (!Text)
      return Text.takeError();
    BuiltImage Image;
    Image.Bytes = std::move(*Text);
    Image.CudaArch = Arch;
    Image.Embedded = !isSASSOnlyCudaArch(Arch);
    Image.Omitted = SPIR.Omitted;
    if (emits(In.Options, EmitKind::PTX))
      Image.Files.push_back({EmitKind::PTX, Image.Bytes});
    Images.push_back(std::move(Image));
  }
  return Images;
}

} // namespace dpex
