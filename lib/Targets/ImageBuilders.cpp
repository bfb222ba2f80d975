// The registry of image builders (ImageBuilders.def).
#include "ImageBuilders.h"

#include "llvm/ADT/STLExtras.h"

namespace dpex {

bool ImageRequest::emits(EmitKind E) const {
  return llvm::is_contained(Emit, E);
}

std::vector<std::unique_ptr<ImageBuilder>>
createImageBuilders(const CompilerOptions &Options) {
  std::vector<std::unique_ptr<ImageBuilder>> Builders;
#define DPEX_IMAGE_BUILDER(NAME)                                               \
  Builders.push_back(create##NAME##ImageBuilder(Options));
#include "ImageBuilders.def"
  return Builders;
}

} // namespace dpex
