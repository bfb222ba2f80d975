// DPEX_TRACE=1: one line per module build and kernel launch on stderr.
#pragma once

namespace dpex::rt {

// Whether DPEX_TRACE is set to a value other than "0" (read once).
bool traceEnabled();

// printf-style; prefixes "dpex: ", appends a newline, does nothing unless
// traceEnabled().
void trace(const char *format, ...) __attribute__((format(printf, 1, 2)));

} // namespace dpex::rt
