#include "Platform.h"

#include "Trace.h"

#include <chrono>
#include <cstddef>

namespace dpex::rt {

const Platform &Platform::instance() {
  static const Platform *platform = new Platform();
  return *platform;
}

Platform::Platform() {
  // Order matters: it is the order of devices() (CUDA first).
  for (auto create : {createCudaBackend, createOpenCLBackend}) {
    auto start = std::chrono::steady_clock::now();
    backends_.push_back(create());
    const Backend &backend = *backends_.back();
    trace("%s backend enumerated in %.3f ms: %zu devices%s%s",
          to_string(backend.kind()),
          std::chrono::duration<double, std::milli>(
              std::chrono::steady_clock::now() - start)
              .count(),
          backend.devices().size(), backend.devices().empty() ? ", " : "",
          backend.unavailableReason().c_str());
  }
  for (const auto &backend : backends_)
    devices_.insert(devices_.end(), backend->devices().begin(),
                    backend->devices().end());
}

const Backend *Platform::findBackend(backend kind) const {
  for (const auto &backend : backends_)
    if (backend->kind() == kind)
      return backend.get();
  return nullptr;
}

std::string Platform::describe() const {
  std::string text;
  for (const auto &backend : backends_) {
    const auto &devices = backend->devices();
    if (devices.empty()) {
      text += std::string("\n  ") + to_string(backend->kind()) +
              ": unavailable (" + backend->unavailableReason() + ")";
      continue;
    }
    for (std::size_t i = 0; i < devices.size(); ++i)
      text += std::string("\n  ") + to_string(backend->kind()) + ":" +
              std::to_string(i) + " '" + devices[i]->name() + "' (" +
              to_string(devices[i]->type()) + ", " +
              devices[i]->platformName() + ")";
  }
  return text;
}

} // namespace dpex::rt
