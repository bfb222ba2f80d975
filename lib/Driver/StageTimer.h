// `-v` names each pipeline stage as it starts; `--time-passes` reports how
// long each took once the compilation is over.
#pragma once

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <string>
#include <vector>

namespace dpex {

class StageTimer {
public:
  StageTimer(llvm::raw_ostream &Err, bool Verbose, bool Report)
      : Err(Err), Verbose(Verbose), Report(Report) {}
  ~StageTimer() { stop(); }

  void start(std::string Stage) {
    stop();
    if (Verbose)
      Err << "dpexc: " << Stage << "\n";
    Current = std::move(Stage);
    Begin = Clock::now();
  }

  // The stage running now, for internal-error reports.
  const std::string &current() const { return Current; }

  void stop() {
    if (Current.empty())
      return;
    double Ms =
        std::chrono::duration<double, std::milli>(Clock::now() - Begin).count();
    Times.emplace_back(std::move(Current), Ms);
    Current.clear();
  }

  void report() {
    stop();
    if (!Report)
      return;
    double Total = 0;
    for (const auto &T : Times)
      Total += T.second;
    Err << "===-------------------------------------------===\n"
        << "  dpexc pipeline stages (wall time)\n"
        << "===-------------------------------------------===\n";
    for (const auto &[Stage, Ms] : Times)
      Err << llvm::format("  %10.3f ms  %5.1f%%  ", Ms,
                          Total > 0 ? 100 * Ms / Total : 0.0)
          << Stage << "\n";
    Err << llvm::format("  %10.3f ms  100.0%%  total\n", Total);
  }

private:
  using Clock = std::chrono::steady_clock;
  llvm::raw_ostream &Err;
  bool Verbose, Report;
  std::string Current;
  Clock::time_point Begin;
  std::vector<std::pair<std::string, double>> Times;
};

} // namespace dpex
