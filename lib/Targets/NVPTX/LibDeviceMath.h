// Internal to the Targets stage: how PTXImage.cpp links NVIDIA's libdevice.
#pragma once

#include "llvm/Support/Error.h"

namespace llvm {
class Module;
}

namespace dpex {

// Links from `LibDevicePath` the libdevice functions the module declares
// (`__nv_*`, from dpex-nvptx-use-libdevice-math); an error where the file
// lacks one of them.
llvm::Error linkLibDevice(llvm::Module &M, llvm::StringRef LibDevicePath);

} // namespace dpex
