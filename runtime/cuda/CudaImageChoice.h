// Which of a module's ptx images a CUDA device loads. Apart from the driver
// so that it can be tested without a GPU.
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

// "sm_50, sm_80": the archs of the module's ptx images, in image order; ""
// if it has none.
std::string ptxArchs(const detail::module_desc &module);

} // namespace dpex::rt::cuda
