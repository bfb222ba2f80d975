// Internal to the Targets stage: the builder classes ImageBuilders.def
// lists, each defined in its target's folder.
#pragma once

#include "dpex/compiler/ImageBuilder.h"

#include "llvm/ADT/STLExtras.h"

namespace dpex {

inline bool emits(const CompilerOptions &Options, EmitKind E) {
  return llvm::is_contained(Options.Emit, E);
}

// Whether the stub embeds images for `T`.
inline bool embedsFor(const CompilerOptions &Options, TargetKind T) {
  return emits(Options, EmitKind::Stub) &&
         llvm::is_contained(Options.Targets, T);
}

#define DPEX_IMAGE_BUILDER(CLASS)                                              \
  class CLASS : public ImageBuilder {                                          \
  public:                                                                      \
    llvm::StringRef name() const override;                                     \
    ImageFormat format() const override;                                       \
    llvm::StringRef input() const override;                                    \
    bool wanted(const CompilerOptions &Options) const override;                \
    bool embedded(const CompilerOptions &Options) const override;              \
    std::vector<std::string>                                                   \
    stages(const CompilerOptions &Options) const override;                     \
    llvm::Expected<std::vector<BuiltImage>>                                    \
    build(const ImageBuildInput &In) override;                                 \
  };
#include "ImageBuilders.def"

} // namespace dpex
