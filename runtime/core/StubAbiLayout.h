// The layout of the stub ABI version this runtime reads: the order and the
// types of every descriptor's members. A stub object compiled elsewhere is
// read by layout alone, so reordering members of the same type would
// misread it without a word, unless the version changes with it. Edit
// dpex/detail/stub_abi.hpp, bump stub_abi_version, then update this pin.
#pragma once

#include <dpex/detail/stub_abi.hpp>

#include <cstddef>
#include <type_traits>

namespace dpex::rt::stub_abi_layout {

template <std::size_t N>
constexpr bool ascending(const std::size_t (&offsets)[N]) {
  for (std::size_t i = 1; i < N; ++i)
    if (offsets[i] <= offsets[i - 1])
      return false;
  return offsets[0] == 0;
}

// `S` ends with `Last` (plus padding): no member was appended after it.
template <typename S, typename Last>
constexpr bool endsWith(std::size_t lastOffset) {
  std::size_t end = lastOffset + sizeof(Last);
  return sizeof(S) == (end + alignof(S) - 1) / alignof(S) * alignof(S);
}

#define DPEX_PINNED(S, member, type)                                           \
  std::is_same_v<decltype(detail::S::member), type>

static_assert(detail::stub_abi_version == 4,
              "the stub ABI version changed: pin its layout below");

static_assert(ascending({offsetof(detail::omitted_kernel, entry),
                         offsetof(detail::omitted_kernel, reason)}) &&
                  DPEX_PINNED(omitted_kernel, entry, const char *) &&
                  DPEX_PINNED(omitted_kernel, reason, const char *) &&
                  endsWith<detail::omitted_kernel, const char *>(
                      offsetof(detail::omitted_kernel, reason)),
              "omitted_kernel's layout differs from stub ABI version 4: bump "
              "stub_abi_version");

static_assert(ascending({offsetof(detail::device_image, format),
                         offsetof(detail::device_image, data),
                         offsetof(detail::device_image, size),
                         offsetof(detail::device_image, digest),
                         offsetof(detail::device_image, cuda_arch),
                         offsetof(detail::device_image, range_guard),
                         offsetof(detail::device_image, omitted),
                         offsetof(detail::device_image, num_omitted)}) &&
                  DPEX_PINNED(device_image, format, detail::image_format) &&
                  DPEX_PINNED(device_image, data, const unsigned char *) &&
                  DPEX_PINNED(device_image, size, std::size_t) &&
                  DPEX_PINNED(device_image, digest, std::uint64_t) &&
                  DPEX_PINNED(device_image, cuda_arch, std::uint32_t) &&
                  DPEX_PINNED(device_image, range_guard, bool) &&
                  DPEX_PINNED(device_image, omitted,
                              const detail::omitted_kernel *) &&
                  DPEX_PINNED(device_image, num_omitted, std::size_t) &&
                  endsWith<detail::device_image, std::size_t>(
                      offsetof(detail::device_image, num_omitted)),
              "device_image's layout differs from stub ABI version 4: bump "
              "stub_abi_version");

static_assert(ascending({offsetof(detail::module_desc, name),
                         offsetof(detail::module_desc, images),
                         offsetof(detail::module_desc, num_images),
                         offsetof(detail::module_desc, abi_version)}) &&
                  DPEX_PINNED(module_desc, name, const char *) &&
                  DPEX_PINNED(module_desc, images,
                              const detail::device_image *) &&
                  DPEX_PINNED(module_desc, num_images, std::size_t) &&
                  DPEX_PINNED(module_desc, abi_version, std::uint32_t) &&
                  endsWith<detail::module_desc, std::uint32_t>(
                      offsetof(detail::module_desc, abi_version)),
              "module_desc's layout differs from stub ABI version 4: bump "
              "stub_abi_version");

static_assert(ascending({offsetof(detail::arg_desc, kind),
                         offsetof(detail::arg_desc, size),
                         offsetof(detail::arg_desc, align),
                         offsetof(detail::arg_desc, name),
                         offsetof(detail::arg_desc, type_name)}) &&
                  DPEX_PINNED(arg_desc, kind, detail::arg_kind) &&
                  DPEX_PINNED(arg_desc, size, std::uint32_t) &&
                  DPEX_PINNED(arg_desc, align, std::uint32_t) &&
                  DPEX_PINNED(arg_desc, name, const char *) &&
                  DPEX_PINNED(arg_desc, type_name, const char *) &&
                  endsWith<detail::arg_desc, const char *>(
                      offsetof(detail::arg_desc, type_name)),
              "arg_desc's layout differs from stub ABI version 4: bump "
              "stub_abi_version");

static_assert(ascending({offsetof(detail::kernel_desc, module),
                         offsetof(detail::kernel_desc, entry),
                         offsetof(detail::kernel_desc, display_name),
                         offsetof(detail::kernel_desc, dimensions),
                         offsetof(detail::kernel_desc, nd),
                         offsetof(detail::kernel_desc, args),
                         offsetof(detail::kernel_desc, num_args),
                         offsetof(detail::kernel_desc, rounded_range),
                         offsetof(detail::kernel_desc, reqd_sub_group_size)}) &&
                  DPEX_PINNED(kernel_desc, module,
                              const detail::module_desc *) &&
                  DPEX_PINNED(kernel_desc, entry, const char *) &&
                  DPEX_PINNED(kernel_desc, display_name, const char *) &&
                  DPEX_PINNED(kernel_desc, dimensions, std::uint32_t) &&
                  DPEX_PINNED(kernel_desc, nd, bool) &&
                  DPEX_PINNED(kernel_desc, args, const detail::arg_desc *) &&
                  DPEX_PINNED(kernel_desc, num_args, std::size_t) &&
                  DPEX_PINNED(kernel_desc, rounded_range, bool) &&
                  DPEX_PINNED(kernel_desc, reqd_sub_group_size,
                              std::uint32_t) &&
                  endsWith<detail::kernel_desc, std::uint32_t>(
                      offsetof(detail::kernel_desc, reqd_sub_group_size)),
              "kernel_desc's layout differs from stub ABI version 4: bump "
              "stub_abi_version");

#undef DPEX_PINNED

} // namespace dpex::rt::stub_abi_layout
