// The data a generated `.dpex.cpp` stub hands to the runtime: every device
// image of one module and, per kernel, the entry name and argument layout.
// Plain aggregates with static storage, so a stub needs no constructor code
// and the runtime reads them without any file I/O.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dpex::detail {

enum class image_format : std::uint8_t {
  spirv, // SPIR-V 1.0+ module (clCreateProgramWithIL)
  spir,  // SPIR 1.2 LLVM bitcode (cl_khr_spir, build with -x spir)
  ptx,   // NVPTX assembly text, NUL-terminated (cuModuleLoadData)
};

// A kernel of the module that one image leaves out, because that image's
// format cannot express it (the spir image and the PTX derived from it have
// no generic address space); launching it on a device that loaded that image
// is errc::unsupported_image with `reason`.
struct omitted_kernel {
  const char *entry;
  const char *reason;
};

struct device_image {
  image_format format;
  const unsigned char *data;
  std::size_t size;
  std::uint64_t digest; // image_digest(data, size), recorded by dpexc
  // ptx: the CUDA arch it was compiled for, as in sm_XY (sm_80 is 80): the
  // runtime loads the highest one the device runs. 0 for other formats.
  std::uint32_t cuda_arch;
  const omitted_kernel *omitted = nullptr;
  std::size_t num_omitted = 0;
};

struct module_desc {
  const char *name; // the source the module was compiled from
  const device_image *images;
  std::size_t num_images;
};

// How one kernel argument (after the index parameter) reaches the device.
enum class arg_kind : std::uint8_t {
  scalar,         // arithmetic value; `size` bytes, passed by value
  boolean,        // C++ bool, lowered to an 8-bit integer on the device
  global_pointer, // T* / const T* to global memory: takes a dpex::array<T>
  local_accessor, // dpex::local_accessor<T>: takes dpex::local_memory<T>
  by_value,       // trivially copyable struct: `size` bytes, passed by value
};

struct arg_desc {
  arg_kind kind;
  std::uint32_t size;      // bytes of the value (element size for pointers
                           // and local accessors)
  std::uint32_t align;     // alignment of the value / element
  const char *name;        // parameter name in the kernel source
  const char *type_name;   // C++ spelling of the parameter type
};

struct kernel_desc {
  const module_desc *module;
  const char *entry;        // entry point name in every image of `module`
  const char *display_name; // qualified C++ name, e.g. "demo::saxpy<float>"
  std::uint32_t dimensions; // N of item<N> / nd_item<N>
  bool nd;                  // true for nd_item kernels
  const arg_desc *args;     // parameters after the index parameter
  std::size_t num_args;
  // An item kernel whose entry takes the user's range as `dimensions`
  // trailing 64-bit arguments (dpex order) and returns at once for a
  // work-item outside it: the runtime may round the grid up to a size the
  // device runs well.
  bool rounded_range = false;
};

} // namespace dpex::detail
