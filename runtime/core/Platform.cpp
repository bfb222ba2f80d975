#include "Platform.h"

#include "Trace.h"

#include <chrono>
#include <cstddef>

namespace dpex::rt {

const Platform &Platform::instance() {
  static const Platform *platform = new Platform();
  return *platform;
}

const Backend &Platform::load(Slot &slot) const {
  std::call_once(slot.once, [&slot] {
    auto start = std::chrono::steady_clock::now();
    slot.loaded = slot.create();
    const Backend &backend = *slot.loaded;
    trace("%s backend enumerated in %.3f ms: %zu devices%s%s",
          to_string(backend.kind()),
          std::chrono::duration<double, std::milli>(
              std::chrono::steady_clock::now() - start)
              .count(),
          backend.devices().size(), backend.devices().empty() ? ", " : "",
          backend.unavailableReason().c_str());
  });
  return *slot.loaded;
}

const std::vector<std::shared_ptr<Device>> &Platform::devices() const {
  std::call_once(devicesOnce_, [this] {
    for (Slot &slot : slots_) {
      const auto &devices = load(slot).devices();
      devices_.insert(devices_.end(), devices.begin(), devices.end());
    }
  });
  return devices_;
}

const Backend *Platform::findBackend(backend kind) const {
  for (Slot &slot : slots_)
    if (slot.kind == kind)
      return &load(slot);
  return nullptr;
}

std::string Platform::describe() const {
  std::string text;
  for (Slot &slot : slots_) {
    const Backend &backend = load(slot);
    const auto &devices = backend.devices();
    if (devices.empty()) {
      text += std::string("\n  ") + to_string(backend.kind()) +
              ": unavailable (" + backend.unavailableReason() + ")";
      continue;
    }
    for (std::size_t i = 0; i < devices.size(); ++i)
      text += std::string("\n  ") + to_string(backend.kind()) + ":" +
              std::to_string(i) + " '" + devices[i]->name() + "' (" +
              to_string(devices[i]->type()) + ", " +
              devices[i]->platformName() + ")";
  }
  return text;
}

} // namespace dpex::rt
