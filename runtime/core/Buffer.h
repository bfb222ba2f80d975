// The allocation behind dpex::array: device memory tied to the queue it was
// made for, freed when the last array or async launch using it lets go.
#pragma once

#include <cstddef>
#include <memory>

namespace dpex::rt {

class Queue;

class Buffer {
public:
  Buffer(std::shared_ptr<Queue> queue, void *pointer, std::size_t bytes)
      : queue_(std::move(queue)), pointer_(pointer), bytes_(bytes) {}
  Buffer(const Buffer &) = delete;
  Buffer &operator=(const Buffer &) = delete;
  ~Buffer();

  const std::shared_ptr<Queue> &queue() const { return queue_; }
  void *pointer() const { return pointer_; }
  std::size_t bytes() const { return bytes_; }

private:
  std::shared_ptr<Queue> queue_;
  void *pointer_; // null for an empty array
  std::size_t bytes_;
};

} // namespace dpex::rt
