// The async copies of dpex::array (copy_from_async, to_host_async,
// copy_to_async): each is recorded with the queue it runs on, like an async
// launch (LaunchRecords), so its host event completes once the copy ended
// and the arrays, and whatever the backend kept for it, were released.
#include "Backend.h"
#include "Buffer.h"
#include "Graph.h"
#include "HostEvent.h"

#include <dpex/runtime/array.hpp>

#include <optional>
#include <string>

namespace dpex::detail {

namespace {

using rt::Expected;
using rt::Status;

// A copy's device event, whose errors name the copy.
class CopyEvent final : public rt::Event {
public:
  CopyEvent(std::shared_ptr<rt::Event> backend, const char *operation)
      : backend_(std::move(backend)), operation_(operation) {}

  Status wait() override { return backend_->wait().withContext(operation_); }
  Expected<bool> isComplete() override {
    Expected<bool> done = backend_->isComplete();
    if (!done)
      return done.status().withContext(operation_);
    return done;
  }
  Expected<profiling_info> profiling() override {
    Expected<profiling_info> times = backend_->profiling();
    if (!times)
      return times.status().withContext(operation_);
    return times;
  }
  rt::Event *deviceEvent() override { return backend_->deviceEvent(); }
  bool enqueuedOn(const rt::Queue &queue) const override {
    return backend_->enqueuedOn(queue);
  }

private:
  std::shared_ptr<rt::Event> backend_;
  const char *operation_;
};

// The host and device event of a copy the driver refused: complete, and
// waiting for it (or for work that depends on it) reports the failure.
class FailedCopy final : public rt::Event {
public:
  explicit FailedCopy(Status status) : status_(std::move(status)) {}
  Status wait() override { return status_; }
  Expected<bool> isComplete() override { return true; }
  Expected<profiling_info> profiling() override { return status_; }

private:
  Status status_;
};

std::pair<event, event> failed(const Status &status, const char *operation) {
  auto failure = std::make_shared<FailedCopy>(status.withContext(operation));
  return {event(failure), event(failure)};
}

// A copy of no bytes: its events complete once `deps` did (a marker follows
// them), or at once without any.
std::pair<event, event> copyNothing(rt::Queue &queue,
                                    const std::vector<event> &deps,
                                    const char *operation) {
  std::vector<rt::Event *> waitFor = rt::dependencies(deps, queue);
  bool any = false;
  for (const event &e : deps)
    any = any || e.impl() != nullptr;
  if (!any)
    return {};
  Expected<std::shared_ptr<rt::Event>> marker = queue.marker(waitFor);
  if (!marker)
    return failed(marker.status(), operation);
  event e(std::make_shared<CopyEvent>(marker.take(), operation));
  return {e, e};
}

// Enqueues a copy on `queue` through `enqueue(keep)` and records it: its
// host event holds `held` (the arrays) and what the backend kept until the
// copy ended. Nothing where `enqueue` enqueued nothing (no peer copy).
template <typename Enqueue>
std::optional<std::pair<event, event>>
submitCopy(const std::shared_ptr<rt::Queue> &queue,
           std::initializer_list<const std::shared_ptr<rt::Buffer> *> held,
           std::vector<std::shared_ptr<void>> keep, const char *operation,
           Enqueue enqueue) {
  rt::LaunchRecords::Submission submission(queue->launchRecords());
  Expected<std::shared_ptr<rt::Event>> copied = enqueue(keep);
  if (!copied) {
    // Nothing was enqueued: release what was kept now, last first (a
    // registration of host memory before the memory).
    while (!keep.empty())
      keep.pop_back();
    return failed(copied.status(), operation);
  }
  if (!*copied)
    return std::nullopt;
  auto device = std::make_shared<CopyEvent>(copied.take(), operation);
  auto host = rt::HostEvent::make(device, queue);
  for (const std::shared_ptr<rt::Buffer> *buffer : held)
    host->hold(*buffer);
  for (std::shared_ptr<void> &object : keep)
    host->keep(std::move(object));
  event hostEvent(host);
  submission.record(std::move(host), queue);
  return std::pair<event, event>{std::move(hostEvent),
                                 event(std::move(device))};
}

// Between host memory and `buf`.
std::pair<event, event> hostCopy(const std::shared_ptr<rt::Buffer> &buf,
                                 void *dst, const void *src, std::size_t bytes,
                                 const std::vector<event> &deps,
                                 const char *operation) {
  const std::shared_ptr<rt::Queue> &queue = buf->queue();
  if (rt::Graph *graph = rt::Graph::recording()) {
    rt::throwIfFailed(graph->admit(*queue, deps, operation));
    return graph->recordCopy(dst, src, bytes, {buf});
  }
  if (bytes == 0)
    return copyNothing(*queue, deps, operation);
  std::vector<rt::Event *> waitFor = rt::dependencies(deps, *queue);
  return *submitCopy(queue, {&buf}, {}, operation,
                     [&](std::vector<std::shared_ptr<void>> &keep) {
                       return queue->copyAsync(dst, src, bytes, waitFor, keep);
                     });
}

} // namespace

std::pair<event, event>
buffer_write_async(const std::shared_ptr<rt::Buffer> &buf,
                   std::size_t byte_offset, const void *src, std::size_t bytes,
                   const std::vector<event> &deps) {
  return hostCopy(buf, static_cast<char *>(buf->pointer()) + byte_offset, src,
                  bytes, deps, "dpex::array::copy_from_async");
}

std::pair<event, event>
buffer_read_async(const std::shared_ptr<rt::Buffer> &buf,
                  std::size_t byte_offset, void *dst, std::size_t bytes,
                  const std::vector<event> &deps) {
  return hostCopy(buf, dst,
                  static_cast<const char *>(buf->pointer()) + byte_offset,
                  bytes, deps, "dpex::array::to_host_async");
}

std::pair<event, event> buffer_copy_async(
    const std::shared_ptr<rt::Buffer> &src, std::size_t src_offset,
    const std::shared_ptr<rt::Buffer> &dst, std::size_t dst_offset,
    std::size_t bytes, const std::vector<event> &deps) {
  const char *operation = "dpex::array::copy_to_async";
  const char *from = static_cast<const char *>(src->pointer()) + src_offset;
  char *to = static_cast<char *>(dst->pointer()) + dst_offset;
  if (src == dst && bytes && from < to + bytes && to < from + bytes)
    throw error(errc::invalid_argument,
                std::string(operation) +
                    ": source and destination overlap in one allocation");
  const std::shared_ptr<rt::Queue> &target = dst->queue();
  rt::Queue &source = *src->queue();
  if (rt::Graph *graph = rt::Graph::recording()) {
    rt::throwIfFailed(graph->admit(*target, deps, operation));
    rt::throwIfFailed(graph->admit(source, {}, operation));
    return graph->recordCopy(to, from, bytes, {src, dst});
  }
  if (bytes == 0)
    return copyNothing(*target, deps, operation);
  std::vector<rt::Event *> waitFor = rt::dependencies(deps, *target);

  if (&source.device() == &target->device()) {
    // One context: a device copy on the destination's queue, after a marker
    // of the work already on the source's.
    std::shared_ptr<rt::Event> sourceDone;
    if (&source != target.get()) {
      Expected<std::shared_ptr<rt::Event>> marker = source.marker({});
      if (!marker)
        return failed(marker.status(), operation);
      sourceDone = marker.take();
      waitFor.push_back(sourceDone.get());
    }
    return *submitCopy(target, {&src, &dst}, {}, operation,
                       [&](std::vector<std::shared_ptr<void>> &keep) {
                         return target->copyAsync(to, from, bytes, waitFor,
                                                  keep);
                       });
  }

  if (source.device().backendKind() == target->device().backendKind()) {
    std::optional<std::pair<event, event>> peer = submitCopy(
        target, {&src, &dst}, {}, operation,
        [&](std::vector<std::shared_ptr<void>> &) {
          return target->copyFromPeerAsync(to, source, from, bytes, waitFor);
        });
    if (peer)
      return *peer;
  }

  // Another backend or context: through host memory. The read into it is
  // waited for here (no driver orders one device's work after another's
  // without a host thread); the write from it into `dst` is async.
  auto staging =
      std::shared_ptr<char>(new char[bytes], std::default_delete<char[]>());
  {
    std::vector<std::shared_ptr<void>> readKeep;
    Expected<std::shared_ptr<rt::Event>> read = source.copyAsync(
        staging.get(), from, bytes, rt::dependencies(deps, source), readKeep);
    if (!read)
      return failed(read.status(), operation);
    if (Status status = (*read)->wait(); !status)
      return failed(status, operation);
    while (!readKeep.empty())
      readKeep.pop_back();
  }
  return *submitCopy(target, {&src, &dst}, {staging}, operation,
                     [&](std::vector<std::shared_ptr<void>> &keep) {
                       return target->copyAsync(to, staging.get(), bytes, {},
                                                keep);
                     });
}

} // namespace dpex::detail
