#include "CudaImageChoice.h"

namespace dpex::rt::cuda {

const detail::device_image *choosePtxImage(const detail::module_desc &module,
                                           std::uint32_t deviceArch) {
  const detail::device_image *best = nullptr;
  for (std::size_t i = 0; i < module.num_images; ++i) {
    const detail::device_image &image = module.images[i];
    if (image.format != detail::image_format::ptx ||
        image.cuda_arch > deviceArch)
      continue;
    if (!best || image.cuda_arch > best->cuda_arch)
      best = &image;
  }
  return best;
}

const detail::device_image *chooseCubinImage(const detail::module_desc &module,
                                             std::uint32_t deviceArch) {
  const detail::device_image *best = nullptr;
  for (std::size_t i = 0; i < module.num_images; ++i) {
    const detail::device_image &image = module.images[i];
    if (image.format != detail::image_format::cubin ||
        image.cuda_arch / 10 != deviceArch / 10 || image.cuda_arch > deviceArch)
      continue;
    if (!best || image.cuda_arch > best->cuda_arch)
      best = &image;
  }
  return best;
}

std::string cudaArchs(const detail::module_desc &module,
                      detail::image_format format) {
  std::string archs;
  for (std::size_t i = 0; i < module.num_images; ++i)
    if (module.images[i].format == format)
      archs += (archs.empty() ? "sm_" : ", sm_") +
               std::to_string(module.images[i].cuda_arch);
  return archs;
}

const char *terminatedPtx(const detail::device_image &ptx, std::string &copy) {
  const char *text = reinterpret_cast<const char *>(ptx.data);
  if (ptx.size != 0 && text[ptx.size - 1] == '\0')
    return text;
  copy.assign(text, ptx.size);
  return copy.c_str();
}

} // namespace dpex::rt::cuda
