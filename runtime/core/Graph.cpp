// dpex::graph and the core of recording and replaying (see Graph.h), with
// the replay every backend has: each operation through launch() or
// copyAsync().
#include "Graph.h"

#include "Buffer.h"
#include "HostEvent.h"
#include "Trace.h"

#include <dpex/runtime/graph.hpp>

#include <cstring>

namespace dpex::rt {

namespace {

thread_local Graph *current = nullptr;

// The events a recorded call returns: they stand for an operation of the
// graph that owns them and order later recorded calls after it; nothing
// ever runs them by themselves.
class PlaceholderEvent final : public Event {
public:
  explicit PlaceholderEvent(const Graph *graph) : graph_(graph) {}
  Status wait() override { return refused(); }
  Expected<bool> isComplete() override { return refused(); }
  Expected<profiling_info> profiling() override { return refused(); }
  const Graph *graph() const { return graph_; }

private:
  static Status refused() {
    return Status::error(
        errc::invalid_argument,
        "this event is a placeholder of an operation recorded into a "
        "dpex::graph, which never runs by itself; wait for the events "
        "graph::replay() returns");
  }
  const Graph *graph_;
};

// The events of a replay the driver refused: complete, reporting the
// failure when waited for (or when work depends on them).
class FailedReplay final : public Event {
public:
  explicit FailedReplay(Status status) : status_(std::move(status)) {}
  Status wait() override { return status_; }
  Expected<bool> isComplete() override { return true; }
  Expected<profiling_info> profiling() override { return status_; }

private:
  Status status_;
};

// A device event that holds what the backend kept for the copies of a
// generic replay (page-locked host ranges) as long as it lives: at least
// until its host event completed.
class KeepingEvent final : public Event {
public:
  KeepingEvent(std::shared_ptr<Event> inner,
               std::vector<std::shared_ptr<void>> keep)
      : inner_(std::move(inner)), keep_(std::move(keep)) {}
  ~KeepingEvent() override {
    while (!keep_.empty())
      keep_.pop_back();
  }
  Status wait() override { return inner_->wait(); }
  Expected<bool> isComplete() override { return inner_->isComplete(); }
  Expected<profiling_info> profiling() override { return inner_->profiling(); }
  Event *deviceEvent() override { return inner_->deviceEvent(); }
  bool enqueuedOn(const Queue &queue) const override {
    return inner_->enqueuedOn(queue);
  }

private:
  std::shared_ptr<Event> inner_;
  std::vector<std::shared_ptr<void>> keep_;
};

// Replays through the queue's own launch() and copyAsync(): one backend
// event per operation, only the last one returned.
class GenericGraphExec final : public GraphExec {
public:
  GenericGraphExec(Queue &queue, const std::vector<RecordedOp> &ops)
      : queue_(queue), ops_(ops) {}

  Expected<std::shared_ptr<Event>>
  replay(const std::vector<Event *> &deps) override {
    std::vector<std::shared_ptr<void>> keep;
    std::shared_ptr<Event> last;
    for (std::size_t i = 0; i < ops_.size(); ++i) {
      const RecordedOp &op = ops_[i];
      const std::vector<Event *> none;
      const std::vector<Event *> &waitFor = i == 0 ? deps : none;
      Expected<std::shared_ptr<Event>> done =
          op.kind == RecordedOp::Kind::Launch
              ? queue_.launch(*op.kernel, op.config, op.args, waitFor)
              : queue_.copyAsync(op.dst, op.src, op.bytes, waitFor, keep);
      if (!done) {
        // What is enqueued uses the graph's memory: let it end first.
        queue_.finish();
        return done.status();
      }
      last = done.take();
    }
    if (keep.empty())
      return last;
    return std::shared_ptr<Event>(
        std::make_shared<KeepingEvent>(std::move(last), std::move(keep)));
  }
  const char *kind() const override { return "one enqueue per operation"; }

private:
  Queue &queue_;
  const std::vector<RecordedOp> &ops_;
};

} // namespace

GraphExec::~GraphExec() = default;

Expected<std::unique_ptr<GraphExec>>
Queue::instantiate(const std::vector<RecordedOp> &ops) {
  return std::unique_ptr<GraphExec>(
      std::make_unique<GenericGraphExec>(*this, ops));
}

// Shared by the graph and the host event of every replay in flight. The
// executable is destroyed first, then the operations it was made from, then
// what they use.
struct Graph::State {
  std::shared_ptr<Queue> queue;
  std::vector<std::shared_ptr<Buffer>> buffers;
  std::vector<RecordedOp> ops;
  std::unique_ptr<GraphExec> exec;
  Status failed = Status::ok(); // instantiate's error, reported by replays
};

Graph::Graph(std::shared_ptr<Queue> queue) : state_(std::make_shared<State>()) {
  state_->queue = std::move(queue);
}

Graph::~Graph() {
  if (current == this)
    current = nullptr;
}

Graph *Graph::recording() { return current; }

const std::shared_ptr<Queue> &Graph::queue() const { return state_->queue; }

std::size_t Graph::size() const { return state_->ops.size(); }

void Graph::begin() {
  if (recording_ || recorded_)
    throwIfFailed(Status::error(
        errc::invalid_argument,
        "dpex::graph::record: the graph is already recorded; a graph is "
        "recorded once, record another graph"));
  if (current)
    throwIfFailed(Status::error(errc::invalid_argument,
                                "dpex::graph::record: another graph is "
                                "recording on this thread"));
  current = this;
  recording_ = true;
}

void Graph::abandon() {
  current = nullptr;
  recording_ = false;
  state_ = std::make_shared<State>(State{state_->queue, {}, {}, {}});
}

void Graph::end() {
  current = nullptr;
  recording_ = false;
  recorded_ = true;
  if (state_->ops.empty())
    return;
  Expected<std::unique_ptr<GraphExec>> exec =
      state_->queue->instantiate(state_->ops);
  if (!exec) {
    state_->failed = exec.status().withContext("dpex::graph::record");
    throwIfFailed(state_->failed);
  }
  state_->exec = exec.take();
  trace("graph of %zu operations on '%s' recorded: replayed by %s",
        state_->ops.size(), state_->queue->device().name().c_str(),
        state_->exec->kind());
}

Status Graph::admit(const Queue &queue, const std::vector<event> &deps,
                    const char *what) const {
  if (&queue != state_->queue.get())
    return Status::error(errc::invalid_argument,
                         std::string("dpex::graph::record: ") + what +
                             " on another queue than the graph's (device '" +
                             queue.device().name() +
                             "'); a graph records work on its own queue only");
  for (const event &e : deps) {
    if (!e.impl())
      continue;
    auto *placeholder = dynamic_cast<PlaceholderEvent *>(e.impl().get());
    if (!placeholder || placeholder->graph() != this)
      return Status::error(
          errc::invalid_argument,
          std::string("dpex::graph::record: ") + what +
              " depends on an event that is not of this recording; pass "
              "dependencies on other work to graph::replay()");
  }
  return Status::ok();
}

std::pair<event, event> Graph::placeholder() const {
  event e(std::make_shared<PlaceholderEvent>(this));
  return {e, e};
}

std::pair<event, event>
Graph::recordLaunch(Kernel &kernel,
                    std::initializer_list<const LaunchConfig *> configs,
                    const std::vector<KernelArg> &args,
                    std::vector<std::shared_ptr<Buffer>> buffers) {
  for (const LaunchConfig *config : configs) {
    RecordedOp &op = state_->ops.emplace_back();
    op.kind = RecordedOp::Kind::Launch;
    op.kernel = &kernel;
    op.config = *config;
    op.args = args;
    for (KernelArg &arg : op.args) {
      if (arg.kind != KernelArg::Kind::Value)
        continue;
      auto &bytes = op.values.emplace_back(new unsigned char[arg.size]);
      std::memcpy(bytes.get(), arg.value, arg.size);
      arg.value = bytes.get();
    }
  }
  for (std::shared_ptr<Buffer> &buffer : buffers)
    state_->buffers.push_back(std::move(buffer));
  return placeholder();
}

std::pair<event, event>
Graph::recordCopy(void *dst, const void *src, std::size_t bytes,
                  std::vector<std::shared_ptr<Buffer>> buffers) {
  if (bytes != 0) {
    RecordedOp &op = state_->ops.emplace_back();
    op.kind = RecordedOp::Kind::Copy;
    op.dst = dst;
    op.src = src;
    op.bytes = bytes;
  }
  for (std::shared_ptr<Buffer> &buffer : buffers)
    state_->buffers.push_back(std::move(buffer));
  return placeholder();
}

Expected<std::pair<event, event>>
Graph::replay(const std::vector<event> &deps) {
  if (recording_)
    return Status::error(errc::invalid_argument,
                         "the graph is still recording; replay it after "
                         "record() returned");
  if (!recorded_)
    return Status::error(errc::invalid_argument,
                         "nothing recorded; call record() first");
  if (!state_->failed)
    return state_->failed;
  Queue &queue = *state_->queue;
  for (const event &e : deps)
    if (e.impl() && dynamic_cast<PlaceholderEvent *>(e.impl().get()))
      return Status::error(errc::invalid_argument,
                           "a dependency is a placeholder event of a "
                           "recording, which never completes");
  std::vector<Event *> waitFor = dependencies(deps, queue);
  if (!state_->exec) {
    // Nothing recorded: the events complete once `deps` did.
    if (waitFor.empty())
      return std::pair<event, event>{};
    Expected<std::shared_ptr<Event>> marker = queue.marker(waitFor);
    if (!marker)
      return marker.status();
    event e(marker.take());
    return std::pair<event, event>{e, e};
  }
  LaunchRecords::Submission submission(queue.launchRecords());
  Expected<std::shared_ptr<Event>> replayed = state_->exec->replay(waitFor);
  if (!replayed) {
    auto failure = std::make_shared<FailedReplay>(
        replayed.status().withContext("dpex::graph::replay"));
    return std::pair<event, event>{event(failure), event(failure)};
  }
  std::shared_ptr<Event> device = replayed.take();
  auto host = HostEvent::make(device, state_->queue);
  host->keep(state_);
  event hostEvent(host);
  submission.record(std::move(host), state_->queue);
  return std::pair<event, event>{std::move(hostEvent),
                                 event(std::move(device))};
}

} // namespace dpex::rt

namespace dpex {

graph::graph(const queue &q) {
  if (!q.impl())
    throw error(errc::invalid_argument,
                "dpex: dpex::graph: the queue is a moved-from queue");
  impl_ = std::make_shared<rt::Graph>(q.impl());
}

void graph::begin_recording() { impl_->begin(); }
void graph::end_recording() { impl_->end(); }
void graph::abandon_recording() { impl_->abandon(); }

std::pair<event, event> graph::replay(const std::vector<event> &deps) {
  rt::Expected<std::pair<event, event>> events = impl_->replay(deps);
  if (!events)
    rt::throwIfFailed(events.status().withContext("dpex::graph::replay"));
  return events.take();
}

std::size_t graph::size() const { return impl_->size(); }

queue graph::get_queue() const { return queue(impl_->queue()); }

} // namespace dpex
