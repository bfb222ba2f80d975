// The PTX images (PTXImage.cpp), one per CUDA arch, derived from the SPIR
// image with its range guards, the archs' concurrently. The PTX of a SASS-only
// arch is built for the cubin builder only.
#include "../ImageBuilders.h"
#include "dpex/compiler/Targets.h"

#include <cstring>

namespace dpex {

namespace {

// A built image or its error as bytes, to come back from a concurrent
// stage: a tag, then length-prefixed strings.
void put(std::string &Out, llvm::StringRef S) {
  uint64_t Size = S.size();
  Out.append(reinterpret_cast<const char *>(&Size), sizeof Size);
  Out.append(S.data(), S.size());
}

std::string take(llvm::StringRef &In) {
  uint64_t Size = 0;
  if (In.size() >= sizeof Size)
    std::memcpy(&Size, In.data(), sizeof Size);
  In = In.drop_front(sizeof Size);
  std::string S = In.take_front(Size).str();
  In = In.drop_front(Size);
  return S;
}

std::string encode(llvm::Expected<PTXImage> Built) {
  std::string Out;
  if (!Built) {
    Out = "E";
    put(Out, llvm::toString(Built.takeError()));
    return Out;
  }
  Out = "I";
  put(Out, Built->Text);
  put(Out, std::to_string(Built->Omitted.size()));
  for (const OmittedKernel &K : Built->Omitted) {
    put(Out, K.Entry);
    put(Out, K.Reason);
  }
  return Out;
}

llvm::Expected<PTXImage> decode(llvm::StringRef In) {
  if (In.consume_front("E"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), take(In));
  if (!In.consume_front("I"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the PTX stage returned nothing");
  PTXImage Image;
  Image.Text = take(In);
  size_t Omitted = std::stoul("0" + take(In));
  for (size_t I = 0; I < Omitted; ++I) {
    OmittedKernel K;
    K.Entry = take(In);
    K.Reason = take(In);
    Image.Omitted.push_back(std::move(K));
  }
  return Image;
}

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

  // One stage per arch, run concurrently: each arch's PTX is built from
  // the same SPIR bitcode.
  llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) override {
    PTXOptions PTX = ptxOptions(In.Request);
    const BuiltImage &SPIR = In.Sibling->front();
    std::vector<ConcurrentStage> Stages;
    for (unsigned Arch : Options.Archs)
      Stages.push_back({stageName(Arch, PTX), [&, Arch] {
                          return encode(
                              buildPTXImage(SPIR.derivationInput(), Arch, PTX));
                        }});
    std::vector<std::string> Results = In.RunConcurrently(Stages);
    std::vector<BuiltImage> Images;
    // The first arch's error, as if they had run one after another.
    for (size_t I = 0; I < Options.Archs.size(); ++I) {
      llvm::Expected<PTXImage> Built = decode(Results[I]);
      if (!Built)
        return Built.takeError();
      BuiltImage Image;
      Image.Bytes = std::move(Built->Text);
      Image.CudaArch = Options.Archs[I];
      Image.Embedded = !isSASSOnlyCudaArch(Image.CudaArch);
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
