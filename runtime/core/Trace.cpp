#include "Trace.h"

#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace dpex::rt {

bool traceEnabled() {
  static const bool enabled = [] {
    const char *value = std::getenv("DPEX_TRACE");
    return value && *value && std::strcmp(value, "0") != 0;
  }();
  return enabled;
}

void trace(const char *format, ...) {
  if (!traceEnabled())
    return;
  char line[1024];
  va_list args;
  va_start(args, format);
  std::vsnprintf(line, sizeof(line), format, args);
  va_end(args);
  // One write per line so concurrent launches do not interleave.
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::fprintf(stderr, "dpex: %s\n", line);
}

} // namespace dpex::rt
