// The runtime's name for the stub ABI, which dpex/detail/stub_abi.hpp
// defines for the compiler and the runtime alike.
#pragma once

#include <dpex/detail/stub_abi.hpp>
