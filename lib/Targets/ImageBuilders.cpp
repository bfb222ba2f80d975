// The registry of image builders (ImageBuilders.def).
#include "ImageBuilders.h"

namespace dpex {

std::vector<std::unique_ptr<ImageBuilder>> createImageBuilders() {
  std::vector<std::unique_ptr<ImageBuilder>> Builders;
#define DPEX_IMAGE_BUILDER(CLASS) Builders.push_back(std::make_unique<CLASS>());
#include "ImageBuilders.def"
  return Builders;
}

} // namespace dpex
