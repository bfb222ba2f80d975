#include "SplitLaunchEvent.h"

namespace dpex::rt {

Status SplitLaunchEvent::wait() {
  // The first part's failure is the launch's, even once the last ran.
  if (Status status = first_->wait(); !status)
    return status;
  return last_->wait();
}

Expected<profiling_info> SplitLaunchEvent::profiling() {
  Expected<profiling_info> first = first_->profiling();
  if (!first)
    return first.status();
  Expected<profiling_info> last = last_->profiling();
  if (!last)
    return last.status();
  profiling_info times = *first;
  times.end = last->end;
  return times;
}

} // namespace dpex::rt
