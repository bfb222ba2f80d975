// Out-of-line virtual destructors anchor the interfaces' vtables here.
#include "Backend.h"

namespace dpex::rt {

Event::~Event() = default;
Kernel::~Kernel() = default;
Module::~Module() = default;
Device::~Device() = default;
Queue::~Queue() = default;
Backend::~Backend() = default;

} // namespace dpex::rt
