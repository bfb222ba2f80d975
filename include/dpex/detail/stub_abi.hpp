// The stub ABI: what a generated `.dpex.cpp` hands to the runtime, defined
// once for both sides. dpexc's stub generator and its kernel metadata
// (dpex/compiler/KernelInfo.h) name these enumerators and write these
// aggregates; the runtime reads them. Plain aggregates with static storage, so
// a stub needs no constructor code and the runtime reads them without any file
// I/O.
//
// Changing an enumerator's value, a member's type or the order of members is
// an ABI change: bump stub_abi_version (the runtime pins the layout of the
// version it reads, runtime/core/StubAbiLayout.h), and update the member
// lists of dpexc's stub generator, whose stubs check them against this
// header (stub_member_follows). New image formats and argument kinds are
// appended to their enums.
#pragma once

#include <cstddef>
#include <cstdint>

namespace dpex::detail {

// Written by dpexc into every module_desc and checked by the runtime before
// it reads anything else of the module: a stub from another version is
// errc::unsupported_image, never a misread. Version 1 had no such field;
// version 3 added device_image::range_guard, version 4
// kernel_desc::reqd_sub_group_size.
inline constexpr std::uint32_t stub_abi_version = 4;

enum class image_format : std::uint8_t {
  spirv, // SPIR-V 1.0+ module (clCreateProgramWithIL)
  spir,  // SPIR 1.2 LLVM bitcode (cl_khr_spir, build with -x spir)
  ptx,   // NVPTX assembly text (the loader NUL-terminates it)
  cubin, // SASS for one CUDA arch, built by ptxas (cuModuleLoadData, no JIT)
};

// The enumerator's spelling, as the stub writes it and messages show it.
constexpr const char *image_format_name(image_format format) {
  switch (format) {
  case image_format::spirv:
    return "spirv";
  case image_format::spir:
    return "spir";
  case image_format::ptx:
    return "ptx";
  case image_format::cubin:
    return "cubin";
  }
  return "unknown";
}

// How one kernel argument (after the index parameter) reaches the device.
enum class arg_kind : std::uint8_t {
  scalar,         // arithmetic value; `size` bytes, passed by value
  boolean,        // C++ bool, lowered to an 8-bit integer on the device
  global_pointer, // T* / const T* to global memory: takes a dpex::array<T>
  local_accessor, // dpex::local_accessor<T>: takes dpex::local_memory<T>
  by_value,       // trivially copyable struct: `size` bytes, passed by value
};

// The enumerator's spelling, as the stub, kernel metadata and
// `dpexc --list-kernels` write it.
constexpr const char *arg_kind_name(arg_kind kind) {
  switch (kind) {
  case arg_kind::scalar:
    return "scalar";
  case arg_kind::boolean:
    return "boolean";
  case arg_kind::global_pointer:
    return "global_pointer";
  case arg_kind::local_accessor:
    return "local_accessor";
  case arg_kind::by_value:
    return "by_value";
  }
  return "unknown";
}

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
  // ptx, cubin: the CUDA arch it was compiled for, as in sm_XY (sm_80 is
  // 80): the runtime loads a cubin the device runs, else the highest ptx
  // one. 0 for other formats.
  std::uint32_t cuda_arch;
  // Every item kernel of the image returns at once for a work-item outside
  // the launch range (the range guard the kernel ABI lowering adds), so the
  // runtime may round the grid up. dpexc records what it built: the guard is
  // in the spirv, ptx and cubin images and folded out of the spir one. An
  // image that does not say so is launched on exact grids.
  bool range_guard = false;
  const omitted_kernel *omitted = nullptr;
  std::size_t num_omitted = 0;
};

// `name`, `images`, `num_images` and `abi_version` lead module_desc in every
// ABI version, so that the runtime can read the version of any stub; members
// added later go after them. Hand-written modules (tests) are compiled
// against this header and so take its version by default.
struct module_desc {
  const char *name; // the source the module was compiled from
  const device_image *images;
  std::size_t num_images;
  std::uint32_t abi_version = stub_abi_version;
};

struct arg_desc {
  arg_kind kind;
  std::uint32_t size;    // bytes of the value (element size for pointers
                         // and local accessors)
  std::uint32_t align;   // alignment of the value / element
  const char *name;      // parameter name in the kernel source
  const char *type_name; // C++ spelling of the parameter type
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
  // trailing 64-bit arguments (dpex order). Where the image also returns at
  // once for a work-item outside it (device_image::range_guard), the runtime
  // may round the grid up to a size the device runs well; elsewhere it
  // splits the exact grid instead.
  bool rounded_range = false;
  // DPEX_REQD_SUB_GROUP_SIZE(n): n, which the runtime checks against the
  // device's sub-group sizes before it launches the kernel; 0 for none.
  std::uint32_t reqd_sub_group_size = 0;
};

// Whether a member of `size` bytes at `offset` is followed directly by one
// at `next_offset` aligned to `next_align`. A stub writes each descriptor as
// a braced list and asserts with this that the header declares the members
// in the order of its values, adjacent, so that a reordered or inserted
// member fails to compile instead of taking a neighbour's value.
constexpr bool stub_member_follows(std::size_t offset, std::size_t size,
                                   std::size_t next_offset,
                                   std::size_t next_align) {
  return next_offset ==
         (offset + size + next_align - 1) / next_align * next_align;
}

} // namespace dpex::detail
