// Internal to the Targets stage: the factories of the builders that
// ImageBuilders.def lists, each defined in its target's folder.
#pragma once

#include "dpex/compiler/ImageBuilder.h"

namespace dpex {

#define DPEX_IMAGE_BUILDER(NAME)                                               \
  std::unique_ptr<ImageBuilder> create##NAME##ImageBuilder(                    \
      const CompilerOptions &Options);
#include "ImageBuilders.def"

} // namespace dpex
