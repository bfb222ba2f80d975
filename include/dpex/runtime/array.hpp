// dpex::array<T>: device memory owned jointly by all its copies and slices.
#pragma once

#include <dpex/runtime/error.hpp>
#include <dpex/runtime/event.hpp>
#include <dpex/runtime/queue.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace dpex {

namespace rt {
class Buffer;
}

namespace detail {
// Allocates `count * elem_size` bytes of device memory for `q`'s device.
std::shared_ptr<rt::Buffer> make_buffer(const queue &q, std::size_t count,
                                        std::size_t elem_size);
// Blocking copies, ordered after the work already on the buffer's queue.
void buffer_write(const rt::Buffer &buf, std::size_t byte_offset,
                  const void *src, std::size_t bytes);
void buffer_read(const rt::Buffer &buf, std::size_t byte_offset, void *dst,
                 std::size_t bytes);
// Blocking device-to-device copy between two buffers on any devices and
// backends, ordered after the work already on both buffers' queues.
void buffer_copy(const rt::Buffer &src, std::size_t src_offset,
                 const rt::Buffer &dst, std::size_t dst_offset,
                 std::size_t bytes);
// Async copies: enqueued after `deps` (and, for buffer_copy_async, after
// the work already on the source's queue), returning (host event, device
// event). The host memory is used until the host event completes.
std::pair<event, event>
buffer_write_async(const std::shared_ptr<rt::Buffer> &buf,
                   std::size_t byte_offset, const void *src, std::size_t bytes,
                   const std::vector<event> &deps);
std::pair<event, event>
buffer_read_async(const std::shared_ptr<rt::Buffer> &buf,
                  std::size_t byte_offset, void *dst, std::size_t bytes,
                  const std::vector<event> &deps);
std::pair<event, event> buffer_copy_async(
    const std::shared_ptr<rt::Buffer> &src, std::size_t src_offset,
    const std::shared_ptr<rt::Buffer> &dst, std::size_t dst_offset,
    std::size_t bytes, const std::vector<event> &deps);
queue buffer_queue(const rt::Buffer &buf);
// An array of `buf` is going away while async launches may still hold it:
// the launches that completed let go of it now.
void buffer_dropped(const rt::Buffer &buf) noexcept;
[[noreturn]] void throw_invalid_argument(const std::string &message);
// errc::invalid_argument: "<type>::<method>: moved-from <object>".
[[noreturn]] void throw_moved_from(const char *type, const char *method);
struct array_access;
} // namespace detail

template <typename _Tp> class array {
  static_assert(std::is_trivially_copyable_v<_Tp> && !std::is_const_v<_Tp> &&
                    !std::is_volatile_v<_Tp>,
                "dpex::array<T>: T must be a trivially copyable, non-const, "
                "non-volatile type");

public:
  using value_type = _Tp;

  // `n` uninitialised elements on `q`'s device. Throws
  // error(errc::out_of_memory) if the device cannot hold them.
  array(const queue &q, std::size_t n)
      : buffer_(detail::make_buffer(q, n, sizeof(_Tp))), size_(n) {}

  // A moved-from array is empty: size() 0, no allocation; any use but
  // size(), use_count(), assignment and destruction throws
  // error(errc::invalid_argument).
  array(const array &) = default;
  array &operator=(const array &) = default;
  array(array &&other) noexcept
      : buffer_(std::move(other.buffer_)), offset_(other.offset_),
        size_(other.size_) {
    other.offset_ = other.size_ = 0;
  }
  array &operator=(array &&other) noexcept {
    if (this != &other) {
      buffer_ = std::move(other.buffer_);
      offset_ = other.offset_;
      size_ = other.size_;
      other.offset_ = other.size_ = 0;
    }
    return *this;
  }
  // Dropping an array that async launches still hold retires those that
  // completed, so that the last array's memory is freed at once.
  ~array() {
    if (buffer_ && buffer_.use_count() > 1)
      detail::buffer_dropped(*buffer_);
  }

  std::size_t size() const noexcept { return size_; }
  queue get_queue() const { return detail::buffer_queue(buffer("get_queue")); }

  // Copies `count` elements from host memory to the start of the array.
  void copy_from(const _Tp *src, std::size_t count) {
    const rt::Buffer &buf = buffer("copy_from");
    if (count > size_)
      detail::throw_invalid_argument(
          "dpex::array::copy_from: " + std::to_string(count) +
          " elements do not fit an array of " + std::to_string(size_));
    detail::buffer_write(buf, offset_ * sizeof(_Tp), src, count * sizeof(_Tp));
  }

  // Any contiguous container: std::vector, std::array, std::span, ...
  template <typename _Container,
            typename = std::enable_if_t<std::is_convertible_v<
                decltype(std::data(std::declval<const _Container &>())),
                const _Tp *>>,
            typename = decltype(std::size(std::declval<const _Container &>()))>
  void copy_from(const _Container &src) {
    copy_from(std::data(src), std::size(src));
  }

  // Copies the first `count` elements into host memory at `dst`.
  void copy_to(_Tp *dst, std::size_t count) const {
    const rt::Buffer &buf = buffer("copy_to");
    if (count > size_)
      detail::throw_invalid_argument(
          "dpex::array::copy_to: cannot read " + std::to_string(count) +
          " elements from an array of " + std::to_string(size_));
    detail::buffer_read(buf, offset_ * sizeof(_Tp), dst, count * sizeof(_Tp));
  }

  // Copies the whole array into `dst`, an array (or slice) of the same size
  // on any device and backend: a device copy on one device, the driver's
  // peer copy between two CUDA GPUs, else staged through host memory.
  // Blocking; it follows the work already submitted to both arrays' queues.
  // `dst` is taken by const reference, like any handle, so that a slice
  // can be the destination.
  void copy_to(const array &dst) const {
    const rt::Buffer &from = buffer("copy_to");
    const rt::Buffer &to = dst.buffer("copy_to");
    if (dst.size_ != size_)
      detail::throw_invalid_argument(
          "dpex::array::copy_to: the source has " + std::to_string(size_) +
          " elements, the destination " + std::to_string(dst.size_) +
          "; sizes must match");
    detail::buffer_copy(from, offset_ * sizeof(_Tp), to,
                        dst.offset_ * sizeof(_Tp), size_ * sizeof(_Tp));
  }

  // Async copies, enqueued after `deps` (events of any queue) on the
  // array's queue (copy_to_async: on the destination's), returning
  // (host event, device event) at once, like call_kernel_async. The device
  // event completes when the copy did; the host event after it, once the
  // copy released the arrays it holds (they stay alive until then). The
  // host memory must stay valid, and unchanged or unread by the caller,
  // until the host event completed. A copy the driver refuses completes
  // both events with the error, which wait() reports.
  std::pair<event, event> copy_from_async(const _Tp *src, std::size_t count,
                                          const std::vector<event> &deps = {}) {
    buffer("copy_from_async");
    if (count > size_)
      detail::throw_invalid_argument(
          "dpex::array::copy_from_async: " + std::to_string(count) +
          " elements do not fit an array of " + std::to_string(size_));
    return detail::buffer_write_async(buffer_, offset_ * sizeof(_Tp), src,
                                      count * sizeof(_Tp), deps);
  }
  template <typename _Container,
            typename = std::enable_if_t<std::is_convertible_v<
                decltype(std::data(std::declval<const _Container &>())),
                const _Tp *>>,
            typename = decltype(std::size(std::declval<const _Container &>()))>
  std::pair<event, event> copy_from_async(const _Container &src,
                                          const std::vector<event> &deps = {}) {
    return copy_from_async(std::data(src), std::size(src), deps);
  }

  // The first `count` elements into host memory at `dst`.
  std::pair<event, event>
  to_host_async(_Tp *dst, std::size_t count,
                const std::vector<event> &deps = {}) const {
    buffer("to_host_async");
    if (count > size_)
      detail::throw_invalid_argument(
          "dpex::array::to_host_async: cannot read " + std::to_string(count) +
          " elements from an array of " + std::to_string(size_));
    return detail::buffer_read_async(buffer_, offset_ * sizeof(_Tp), dst,
                                     count * sizeof(_Tp), deps);
  }
  // Into a contiguous container (a std::vector, a std::span) of at most
  // size() elements, which it fills from the start of the array.
  template <typename _Container,
            typename = std::enable_if_t<std::is_convertible_v<
                decltype(std::data(std::declval<_Container &>())), _Tp *>>,
            typename = decltype(std::size(std::declval<_Container &>()))>
  std::pair<event, event>
  to_host_async(_Container &dst, const std::vector<event> &deps = {}) const {
    return to_host_async(std::data(dst), std::size(dst), deps);
  }

  // The whole array into `dst` (same size, any queue, device or backend),
  // after the work already on this array's queue and after `deps`.
  std::pair<event, event>
  copy_to_async(const array &dst, const std::vector<event> &deps = {}) const {
    buffer("copy_to_async");
    dst.buffer("copy_to_async");
    if (dst.size_ != size_)
      detail::throw_invalid_argument(
          "dpex::array::copy_to_async: the source has " +
          std::to_string(size_) + " elements, the destination " +
          std::to_string(dst.size_) + "; sizes must match");
    return detail::buffer_copy_async(buffer_, offset_ * sizeof(_Tp),
                                     dst.buffer_, dst.offset_ * sizeof(_Tp),
                                     size_ * sizeof(_Tp), deps);
  }

  std::vector<_Tp> to_host() const {
    std::vector<_Tp> out(size_);
    copy_to(out.data(), size_);
    return out;
  }

  // Elements [offset, offset + count) as an array sharing this allocation.
  array slice(std::size_t offset, std::size_t count) const {
    buffer("slice");
    if (offset > size_ || count > size_ - offset)
      detail::throw_invalid_argument(
          "dpex::array::slice: [" + std::to_string(offset) + ", " +
          std::to_string(offset) + " + " + std::to_string(count) +
          ") is outside an array of " + std::to_string(size_));
    return array(buffer_, offset_ + offset, count);
  }

  // Number of arrays (copies and slices) sharing this allocation, plus the
  // async launches still holding it.
  long use_count() const noexcept { return buffer_.use_count(); }

private:
  friend struct detail::array_access;

  array(std::shared_ptr<rt::Buffer> buffer, std::size_t offset,
        std::size_t size)
      : buffer_(std::move(buffer)), offset_(offset), size_(size) {}

  // The allocation, for dpex::array::<method>; throws on a moved-from array.
  const rt::Buffer &buffer(const char *method) const {
    if (!buffer_)
      detail::throw_moved_from("dpex::array", method);
    return *buffer_;
  }

  std::shared_ptr<rt::Buffer> buffer_;
  std::size_t offset_ = 0; // in elements
  std::size_t size_ = 0;
};

namespace detail {
struct array_access {
  template <typename _Tp>
  static const std::shared_ptr<rt::Buffer> &buffer(const array<_Tp> &a) {
    return a.buffer_;
  }
  template <typename _Tp> static std::size_t byte_offset(const array<_Tp> &a) {
    return a.offset_ * sizeof(_Tp);
  }
};
} // namespace detail

} // namespace dpex
