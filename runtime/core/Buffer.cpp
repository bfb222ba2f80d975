#include "Buffer.h"

#include "Backend.h"

#include <dpex/runtime/array.hpp>

#include <limits>
#include <string>

namespace dpex::rt {

Buffer::~Buffer() {
  if (pointer_)
    queue_->device().deallocate(pointer_);
}

} // namespace dpex::rt

namespace dpex::detail {

std::shared_ptr<rt::Buffer> make_buffer(const queue &q, std::size_t count,
                                        std::size_t elem_size) {
  const std::shared_ptr<rt::Queue> &impl = q.impl();
  if (count > std::numeric_limits<std::size_t>::max() / elem_size)
    throw error(errc::out_of_memory, "dpex: array of " + std::to_string(count) +
                                         " elements of " +
                                         std::to_string(elem_size) +
                                         " bytes overflows the address space");
  std::size_t bytes = count * elem_size;
  if (bytes == 0)
    return std::make_shared<rt::Buffer>(impl, nullptr, 0);
  void *pointer = rt::valueOrThrow(impl->device().allocate(bytes));
  return std::make_shared<rt::Buffer>(impl, pointer, bytes);
}

void buffer_write(const rt::Buffer &buf, std::size_t byte_offset,
                  const void *src, std::size_t bytes) {
  if (bytes == 0)
    return;
  rt::throwIfFailed(buf.queue()->copy(
      static_cast<char *>(buf.pointer()) + byte_offset, src, bytes));
}

void buffer_read(const rt::Buffer &buf, std::size_t byte_offset, void *dst,
                 std::size_t bytes) {
  if (bytes == 0)
    return;
  rt::throwIfFailed(buf.queue()->copy(
      dst, static_cast<const char *>(buf.pointer()) + byte_offset, bytes));
}

queue buffer_queue(const rt::Buffer &buf) { return queue(buf.queue()); }

void throw_invalid_argument(const std::string &message) {
  throw error(errc::invalid_argument, message);
}

} // namespace dpex::detail
