#include "ImageIntegrity.h"

#include "StubAbiLayout.h"

#include <dpex/detail/image_digest.hpp>

#include <cinttypes>
#include <cstdio>
#include <string>

namespace dpex::rt {

Status verifyImageDigests(const detail::module_desc &module) {
  for (std::size_t i = 0; i < module.num_images; ++i) {
    const detail::device_image &image = module.images[i];
    std::uint64_t actual = detail::image_digest(image.data, image.size);
    if (actual == image.digest)
      continue;
    char digests[96];
    std::snprintf(digests, sizeof digests,
                  "digest %016" PRIx64 ", recorded %016" PRIx64, actual,
                  image.digest);
    return Status::error(errc::build_failed,
                         "module '" + std::string(module.name) +
                             "': device image " + std::to_string(i) + " (" +
                             std::to_string(image.size) +
                             " bytes) is corrupt (" + digests +
                             "); rebuild the stub with dpexc");
  }
  return Status::ok();
}

Status verifyStubAbi(const detail::module_desc &module) {
  if (module.abi_version == detail::stub_abi_version)
    return Status::ok();
  return Status::error(errc::unsupported_image,
                       "module '" + std::string(module.name) +
                           "' was generated for stub ABI "
                           "version " +
                           std::to_string(module.abi_version) +
                           "; this runtime reads version " +
                           std::to_string(detail::stub_abi_version) +
                           ": regenerate the stub with this dpex's dpexc");
}

} // namespace dpex::rt
