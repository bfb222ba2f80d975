// The SPIR-V image: the device module through SPIRV-LLVM-Translator
// (lib/SPIRV), validated. It is the portable artifact every OpenCL 2.1+
// consumer takes, always embedded, and the input of the SPIR image.
#include "../ImageBuilders.h"
#include "dpex/compiler/SPIRV.h"

namespace dpex {

llvm::StringRef SPIRVImageBuilder::name() const { return "spirv"; }
ImageFormat SPIRVImageBuilder::format() const { return ImageFormat::spirv; }
llvm::StringRef SPIRVImageBuilder::input() const { return ""; }

bool SPIRVImageBuilder::wanted(const CompilerOptions &) const { return true; }

bool SPIRVImageBuilder::embedded(const CompilerOptions &Options) const {
  return embedsFor(Options, TargetKind::SPIRV);
}

std::vector<std::string>
SPIRVImageBuilder::stages(const CompilerOptions &Options) const {
  std::vector<std::string> Stages = {"SPIR-V emission"};
  if (Options.Validate)
    Stages.push_back("SPIR-V validation");
  if (emits(Options, EmitKind::SPIRVAsm))
    Stages.push_back("SPIR-V disassembly");
  return Stages;
}

llvm::Expected<std::vector<BuiltImage>>
SPIRVImageBuilder::build(const ImageBuildInput &In) {
  In.Stage("SPIR-V emission");
  BuiltImage Image;
  auto SPIRV = emitSPIRV(In.DeviceModule, &Image.DerivationInput);
  if (!SPIRV)
    return SPIRV.takeError();
  Image.Bytes = std::move(*SPIRV);
  if (In.Options.Validate) {
    In.Stage("SPIR-V validation");
    if (auto E = validateSPIRV(Image.Bytes))
      return E;
  }
  if (emits(In.Options, EmitKind::SPIRV))
    Image.Files.push_back({EmitKind::SPIRV, Image.Bytes});
  if (emits(In.Options, EmitKind::SPIRVAsm)) {
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

} // namespace dpex
