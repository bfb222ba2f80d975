// A driver library (libOpenCL.so.1, libcuda.so.1) loaded at run time, so
// that the runtime links against neither, and its entry points resolved
// into a backend's table of function pointers. Each backend lists its entry
// points in two X-macro tables, required and optional, and loads them
// through loadDriver: both report a failure the same way, naming the
// library and, for a missing entry point, the symbol.
#pragma once

#include <string>

namespace dpex::rt {

class DriverLibrary {
public:
  // By soname only: the dynamic linker searches the system paths, never the
  // working directory. `what` names the library in errors ("CUDA driver").
  DriverLibrary(const char *soname, const char *what);
  // Closes the library unless every required entry point resolved.
  ~DriverLibrary();
  DriverLibrary(const DriverLibrary &) = delete;
  DriverLibrary &operator=(const DriverLibrary &) = delete;

  // `entry` = the library's `symbol`. A required one that is missing fails
  // the load; an optional one stays null.
  template <typename F> void require(F &entry, const char *symbol) {
    entry = reinterpret_cast<F>(lookup(symbol, /*required=*/true));
  }
  template <typename F> void optional(F &entry, const char *symbol) {
    entry = reinterpret_cast<F>(lookup(symbol, /*required=*/false));
  }

  // Empty once the library and every required entry point loaded: the
  // library then stays loaded for the life of the process. Otherwise the
  // first failure: "no CUDA driver (libcuda.so.1) found: <dlerror>" or
  // "libcuda.so.1 lacks cuLaunchKernel".
  const std::string &error() const { return error_; }

private:
  void *lookup(const char *symbol, bool required);

  const char *soname_;
  void *handle_ = nullptr;
  std::string error_;
};

// The table `Api` of the driver `soname`, filled once per process by
// `resolve` (DriverLibrary::require / optional per entry point). Null, with
// `error` set, where the library or a required entry point is missing.
template <typename Api>
const Api *loadDriver(const char *soname, const char *what,
                      void (*resolve)(DriverLibrary &, Api &),
                      std::string &error) {
  struct Loaded {
    Api api{};
    std::string error;
  };
  static const Loaded loaded = [&] {
    Loaded result;
    DriverLibrary library(soname, what);
    if (library.error().empty())
      resolve(library, result.api);
    result.error = library.error();
    return result;
  }();
  if (!loaded.error.empty()) {
    error = loaded.error;
    return nullptr;
  }
  return &loaded.api;
}

} // namespace dpex::rt
