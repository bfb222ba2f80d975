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

} // namespace dpex::rt
