// Out-of-line virtual destructors anchor the interfaces' vtables here, with
// the interfaces' default implementations.
#include "Backend.h"

namespace dpex::rt {

Event::~Event() = default;
Kernel::~Kernel() = default;
Module::~Module() = default;
Device::~Device() = default;
Queue::~Queue() = default;
Backend::~Backend() = default;

Status Event::profilingDisabled() {
  return Status::error(errc::invalid_argument,
                       "event::profiling() needs a queue made with "
                       "dpex::queue(device, dpex::enable_profiling)");
}

Status Queue::launchAndWait(Kernel &kernel, const LaunchConfig &config,
                            const std::vector<KernelArg> &args,
                            const std::vector<Event *> &deps) {
  Expected<std::shared_ptr<Event>> event = launch(kernel, config, args, deps);
  if (!event)
    return event.status();
  return (*event)->wait();
}

Expected<bool> Queue::copyFromPeer(void *, Queue &, const void *, std::size_t) {
  return false;
}

Expected<std::shared_ptr<Event>>
Queue::copyFromPeerAsync(void *, Queue &, const void *, std::size_t,
                         const std::vector<Event *> &) {
  return std::shared_ptr<Event>();
}

std::vector<Event *> dependencies(const std::vector<event> &deps,
                                  const Queue &queue) {
  std::vector<Event *> events;
  dependencies(deps, queue, events);
  return events;
}

void dependencies(const std::vector<event> &deps, const Queue &queue,
                  std::vector<Event *> &events) {
  events.clear();
  events.reserve(deps.size());
  for (const event &e : deps) {
    if (!e.impl())
      continue;
    Event *device = e.impl()->deviceEvent();
    if (!device->enqueuedOn(queue))
      events.push_back(device);
  }
}

} // namespace dpex::rt
