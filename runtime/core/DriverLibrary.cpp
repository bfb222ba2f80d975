#include "DriverLibrary.h"

#include <dlfcn.h>

namespace dpex::rt {

DriverLibrary::DriverLibrary(const char *soname, const char *what)
    : soname_(soname), handle_(dlopen(soname, RTLD_NOW | RTLD_LOCAL)) {
  if (handle_)
    return;
  const char *why = dlerror();
  error_ = std::string("no ") + what + " (" + soname +
           ") found: " + (why ? why : "unknown error");
}

DriverLibrary::~DriverLibrary() {
  if (handle_ && !error_.empty())
    dlclose(handle_);
}

void *DriverLibrary::lookup(const char *symbol, bool required) {
  if (!handle_ || !error_.empty())
    return nullptr;
  void *entry = dlsym(handle_, symbol);
  if (!entry && required)
    error_ = std::string(soname_) + " lacks " + symbol;
  return entry;
}

} // namespace dpex::rt
