// What dpex::graph records and replays. While a graph records, this
// thread's async launches and copies on its queue are turned into
// RecordedOps instead of being enqueued (core/Launch.cpp,
// core/AsyncCopy.cpp ask recording()); once recorded, the queue's backend
// instantiates them (Queue::instantiate) and each replay is one
// LaunchRecords record, whose host event holds the whole graph.
#pragma once

#include "Backend.h"

#include <dpex/runtime/event.hpp>

#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace dpex::rt {

class Buffer;

class Graph {
public:
  explicit Graph(std::shared_ptr<Queue> queue);
  ~Graph();

  // The graph recording on this thread, or null.
  static Graph *recording();

  void begin();
  void end();
  void abandon();
  Expected<std::pair<event, event>> replay(const std::vector<event> &deps);
  std::size_t size() const;
  const std::shared_ptr<Queue> &queue() const;

  // Whether work on `queue` after `deps` can be recorded: the graph's
  // queue, and only placeholders of this recording (or default events) as
  // dependencies. `what` names the call for the message.
  Status admit(const Queue &queue, const std::vector<event> &deps,
               const char *what) const;
  // The events of a recorded operation.
  std::pair<event, event> placeholder() const;
  // Records a launch of `kernel` with `args` (whose values are copied) over
  // each of `configs` in turn (a split grid's bulk and tail), holding
  // `buffers` as long as the graph.
  std::pair<event, event>
  recordLaunch(Kernel &kernel,
               std::initializer_list<const LaunchConfig *> configs,
               const std::vector<KernelArg> &args,
               std::vector<std::shared_ptr<Buffer>> buffers);
  std::pair<event, event>
  recordCopy(void *dst, const void *src, std::size_t bytes,
             std::vector<std::shared_ptr<Buffer>> buffers);

private:
  struct State;
  std::shared_ptr<State> state_;
  bool recording_ = false;
  bool recorded_ = false;
};

} // namespace dpex::rt
