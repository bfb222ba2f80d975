// Which of a module's cubin and ptx images a CUDA device loads, and how the
// driver reads a ptx image. Apart from the driver so that it can be tested
// without a GPU.
#pragma once

#include <dpex/detail/kernel_desc.hpp>

#include <cstdint>
#include <string>

namespace dpex::rt::cuda {

// The ptx image for a device of compute capability `deviceArch` (sm_86 is
// 86): the one of the highest arch not above the device's. The driver JITs
// PTX for its own arch and newer ones, never older ones, and a newer arch
// lets the image use more of the GPU. nullptr if every image is for a newer
// arch than the device's, or there is no ptx image.
const detail::device_image *choosePtxImage(const detail::module_desc &module,
                                           std::uint32_t deviceArch);

// The cubin (SASS) image a device of compute capability `deviceArch` runs
// without JIT, if any: SASS for sm_XY runs on sm_XZ with Z >= Y, never on
// another major arch (sm_80's runs on sm_86, not on sm_90). Of those, the
// highest. A device loads it in preference to any ptx image, as the driver
// does with a fat binary.
const detail::device_image *chooseCubinImage(const detail::module_desc &module,
                                             std::uint32_t deviceArch);

// "sm_50, sm_80": the archs of the module's images of `format` (ptx or
// cubin), in image order; "" if it has none.
std::string cudaArchs(const detail::module_desc &module,
                      detail::image_format format);
inline std::string ptxArchs(const detail::module_desc &module) {
  return cudaArchs(module, detail::image_format::ptx);
}

// The text of a ptx image, NUL-terminated: the driver reads PTX up to its
// NUL, which the image need not end with. The image itself where it does,
// else a copy in `copy`.
const char *terminatedPtx(const detail::device_image &ptx, std::string &copy);

} // namespace dpex::rt::cuda
