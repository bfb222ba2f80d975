// Checks the images of a module against the digests dpexc recorded, before
// any of them reaches a driver.
#pragma once

#include "Status.h"

#include <dpex/detail/kernel_desc.hpp>

namespace dpex::rt {

// build_failed naming the module and the first image whose content does not
// match its recorded digest.
Status verifyImageDigests(const detail::module_desc &module);

} // namespace dpex::rt
