// Stage 4: the device images. Each image format is made by one image builder
// from the device module after the common pipeline, or from the images of
// the one sibling builder it honestly derives from (cubin from ptx). The
// builders are listed, in the order the stub embeds their images, in
// lib/Targets/ImageBuilders.def; the driver builds the ones a compilation
// needs, each after its input.
#pragma once

#include "dpex/compiler/Driver.h"
#include "dpex/compiler/StubGen.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class Module;
}

namespace dpex {

// A file an image builder writes for --emit (the driver names it).
struct EmittedFile {
  EmitKind Kind;
  std::string Bytes;
};

// One image a builder made.
struct BuiltImage {
  std::string Bytes;
  // What the images derived from this one read, where that is not `Bytes`
  // (the SPIR-V as the translator wrote it; the SPIR image with its guards).
  std::string DerivationInput;
  // What the images built on warp sub-groups derive from, where that is
  // not derivationInput() (the SPIR-V, the SPIR image's guarded form, of
  // ImageBuildInput::WarpDeviceModule).
  std::string WarpDerivationInput;
  unsigned CudaArch = 0; // the arch a ptx or cubin image is for (sm_80: 80)
  // Whether the stub carries it where it embeds the builder's images;
  // false for an image only built for a sibling (the PTX of a SASS-only
  // arch).
  bool Embedded = true;
  std::vector<OmittedKernel> Omitted; // kernels the image leaves out
  // The kernels DerivationInput lacks, where there is one.
  std::vector<OmittedKernel> DerivationOmitted;
  ImageFacts Facts;
  std::vector<EmittedFile> Files;
  const std::string &derivationInput() const {
    return DerivationInput.empty() ? Bytes : DerivationInput;
  }
  const std::vector<OmittedKernel> &derivationOmitted() const {
    return DerivationInput.empty() ? Omitted : DerivationOmitted;
  }
};

// What the driver tells a builder of the compilation, besides the builder's
// own part of the options, which the registry hands to its constructor.
struct ImageRequest {
  // The --emit kinds that name the builder's files (of emitKinds()).
  std::vector<EmitKind> Emit;
  // Whether the stub embeds the builder's images (--emit=stub, and its
  // target in --targets).
  bool Embed = false;
  // The frontend's choices that shape the code of every image.
  bool FastMath = false;
  DebugInfo Debug = DebugInfo::None;
  bool emits(EmitKind E) const;
};

// A stage ImageBuildInput::RunConcurrently runs beside others, in a process
// of its own: what it returns is all that comes back.
struct ConcurrentStage {
  std::string Name; // as for ImageBuildInput::Stage
  std::function<std::string()> Run;
};

struct ImageBuildInput {
  llvm::Module &DeviceModule; // after the common pipeline
  // The device module with the work-group algorithms built on warp
  // sub-groups, where a builder wantsWarpSubGroups() and the kernels use
  // them; null otherwise.
  llvm::Module *WarpDeviceModule;
  const ImageRequest &Request;
  // The images of the builder named by input(); null for the device module.
  const std::vector<BuiltImage> *Sibling;
  // Starts the named stage, for -v and --time-passes.
  std::function<void(const std::string &)> Stage;
  // Runs the stages at once and returns what each returned, in order.
  std::function<std::vector<std::string>(std::vector<ConcurrentStage> &)>
      RunConcurrently;
};

class ImageBuilder {
public:
  virtual ~ImageBuilder() = default;
  // The --emit / --targets spelling of the image, also the stub's.
  virtual llvm::StringRef name() const = 0;
  virtual ImageFormat format() const = 0;
  // The builder whose images this one derives from; "": the device module.
  virtual llvm::StringRef input() const { return ""; }
  // The --targets entry that embeds its images.
  virtual TargetKind target() const = 0;
  // The --emit kinds that write its files.
  virtual std::vector<EmitKind> emitKinds() const { return {}; }
  // Whether the compilation asks for the image: to write it or to embed it.
  // A builder also runs when a builder that derives from it does.
  virtual bool wanted(const ImageRequest &Request) const {
    return !Request.Emit.empty() || Request.Embed;
  }
  // Whether its images' sub-groups are warps: their work-group algorithms
  // combine sub-group results (ImageBuildInput::WarpDeviceModule).
  virtual bool wantsWarpSubGroups() const { return false; }
  // The stages build() starts, in order, as -### prints them.
  virtual std::vector<std::string>
  stages(const ImageRequest &Request) const = 0;
  virtual llvm::Expected<std::vector<BuiltImage>>
  build(const ImageBuildInput &In) = 0;
};

// Every builder of ImageBuilders.def, in its order, each given its part of
// `Options`.
std::vector<std::unique_ptr<ImageBuilder>>
createImageBuilders(const CompilerOptions &Options);

} // namespace dpex
