#include "Buffer.h"

#include "Backend.h"

#include <dpex/runtime/array.hpp>

#include <limits>
#include <string>

namespace dpex::rt {

Buffer::~Buffer() {
  if (pointer_)
    queue_->release(pointer_);
}

} // namespace dpex::rt

namespace dpex::detail {

std::shared_ptr<rt::Buffer> make_buffer(const queue &q, std::size_t count,
                                        std::size_t elem_size) {
  const std::shared_ptr<rt::Queue> &impl = q.impl();
  if (!impl)
    throw error(errc::invalid_argument,
                "dpex::array: cannot make an array on a moved-from queue");
  if (count > std::numeric_limits<std::size_t>::max() / elem_size)
    throw error(errc::out_of_memory, "dpex: array of " + std::to_string(count) +
                                         " elements of " +
                                         std::to_string(elem_size) +
                                         " bytes overflows the address space");
  std::size_t bytes = count * elem_size;
  const rt::Device &device = impl->device();
  const std::size_t max = device.limits().maxAllocation;
  if (max && bytes > max)
    throw error(errc::out_of_memory,
                "dpex: array of " + std::to_string(bytes) + " bytes on '" +
                    device.name() + "' is " + std::to_string(bytes - max) +
                    " bytes over the device's largest allocation, " +
                    std::to_string(max) + " bytes");
  if (bytes == 0)
    return std::make_shared<rt::Buffer>(impl, nullptr, 0);
  // Completed launches let go of their arrays first, which may free memory.
  impl->launchRecords().retireCompleted();
  void *pointer = rt::valueOrThrow(impl->device().allocate(bytes));
  return std::make_shared<rt::Buffer>(impl, pointer, bytes);
}

namespace {

// A blocking copy on `queue`: ordered after the work already there, so the
// async launches recorded before it have completed once it returns.
void copyAndRetire(rt::Queue &queue, void *dst, const void *src,
                   std::size_t bytes) {
  std::uint64_t recorded = queue.launchRecords().enqueued();
  rt::throwIfFailed(queue.copy(dst, src, bytes));
  if (recorded)
    queue.launchRecords().retireThrough(recorded - 1);
}

} // namespace

void buffer_write(const rt::Buffer &buf, std::size_t byte_offset,
                  const void *src, std::size_t bytes) {
  if (bytes == 0)
    return;
  copyAndRetire(*buf.queue(), static_cast<char *>(buf.pointer()) + byte_offset,
                src, bytes);
}

void buffer_read(const rt::Buffer &buf, std::size_t byte_offset, void *dst,
                 std::size_t bytes) {
  if (bytes == 0)
    return;
  copyAndRetire(*buf.queue(), dst,
                static_cast<const char *>(buf.pointer()) + byte_offset, bytes);
}

void buffer_copy(const rt::Buffer &src, std::size_t src_offset,
                 const rt::Buffer &dst, std::size_t dst_offset,
                 std::size_t bytes) {
  if (bytes == 0)
    return;
  const char *from = static_cast<const char *>(src.pointer()) + src_offset;
  char *to = static_cast<char *>(dst.pointer()) + dst_offset;
  if (&src == &dst && from < to + bytes && to < from + bytes)
    throw error(errc::invalid_argument,
                "dpex::array::copy_to: source and destination overlap in "
                "one allocation");
  rt::Queue &source = *src.queue();
  rt::Queue &target = *dst.queue();
  const std::string where = "dpex::array::copy_to";
  if (&source.device() == &target.device()) {
    // One context: a device copy on the destination's queue, once the
    // source's queue has run what it was given before.
    if (&source != &target)
      rt::throwIfFailed(source.finish().withContext(where));
    rt::throwIfFailed(target.copyOnDevice(to, from, bytes).withContext(where));
    return;
  }
  if (source.device().backendKind() == target.device().backendKind()) {
    rt::Expected<bool> peer = target.copyFromPeer(to, source, from, bytes);
    if (!peer)
      rt::throwIfFailed(peer.status().withContext(where));
    if (*peer)
      return;
  }
  // Another backend or platform: through host memory. Each blocking copy
  // follows the work already on its own queue.
  std::unique_ptr<char[]> staging(new char[bytes]);
  rt::throwIfFailed(source.copy(staging.get(), from, bytes).withContext(where));
  rt::throwIfFailed(target.copy(to, staging.get(), bytes).withContext(where));
}

queue buffer_queue(const rt::Buffer &buf) { return queue(buf.queue()); }

void buffer_dropped(const rt::Buffer &buf) noexcept {
  buf.queue()->launchRecords().retireCompleted();
}

void throw_invalid_argument(const std::string &message) {
  throw error(errc::invalid_argument, message);
}

void throw_moved_from(const char *type, const char *method) {
  std::string object = type;
  object = object.substr(object.rfind(':') + 1);
  throw error(errc::invalid_argument,
              std::string(type) + "::" + method + ": moved-from " + object);
}

} // namespace dpex::detail
