// dpex::graph: a sequence of async launches and copies on one queue,
// recorded once and replayed many times at a fraction of the cost of
// launching each again (CUDA graphs, SYCL command graphs).
#pragma once

#include <dpex/runtime/event.hpp>
#include <dpex/runtime/queue.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <utility>
#include <vector>

namespace dpex {

namespace rt {
class Graph;
}

class graph {
public:
  // An empty graph for `q`: only work on `q` can be recorded into it.
  explicit graph(const queue &q);

  // Runs `body` on this thread with the graph recording: the
  // call_kernel_async calls and async array copies it makes on the graph's
  // queue are recorded, not run, with their arguments as they are now.
  // Their events are placeholders, usable only as deps of later calls of
  // the same recording. A graph is recorded once.
  template <typename _Body> void record(_Body &&body) {
    begin_recording();
    try {
      body();
    } catch (...) {
      abandon_recording();
      throw;
    }
    end_recording();
  }

  // Enqueues the recorded work on the graph's queue after `deps` and
  // returns (host event, device event), like call_kernel_async.
  std::pair<event, event> replay(const std::vector<event> &deps = {});

  // Recorded operations (a launch split in two counts twice).
  std::size_t size() const;
  queue get_queue() const;

private:
  void begin_recording();
  void end_recording();
  void abandon_recording();

  std::shared_ptr<rt::Graph> impl_;
};

} // namespace dpex
