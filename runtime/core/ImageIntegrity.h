// Checks the images of a module against the digests dpexc recorded, before
// any of them reaches a driver.
#pragma once

#include "Status.h"

#include <dpex/detail/kernel_desc.hpp>

namespace dpex::rt {

// build_failed naming the module and the first image whose content does not
// match its recorded digest.
Status verifyImageDigests(const detail::module_desc &module);

// errc::unsupported_image unless `module` was generated for this runtime's
// stub ABI version; checked before anything else of the module is read.
Status verifyStubAbi(const detail::module_desc &module);

} // namespace dpex::rt
