// `-v` names each pipeline stage as it starts; `--time-passes` reports how
// long each took once the compilation is over.
#pragma once

#include "llvm/ADT/StringExtras.h"
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

  // Stages that run at once, each in a process of its own: -v names each as
  // they start; finishConcurrent() gives each its own time, and the total
  // counts their wall time once.
  void startConcurrent(const std::vector<std::string> &Stages) {
    stop();
    if (Verbose)
      for (const std::string &Stage : Stages)
        Err << "dpexc: " << Stage << "\n";
    Current = llvm::join(Stages, ", ");
    Begin = Clock::now();
  }
  void finishConcurrent(const std::vector<std::string> &Stages,
                        const std::vector<double> &Ms) {
    double Wall =
        std::chrono::duration<double, std::milli>(Clock::now() - Begin).count();
    Current.clear();
    for (size_t I = 0; I < Stages.size(); ++I)
      Times.push_back({Stages[I] + " (concurrent)", Ms[I], 0});
    Times.back().Wall = Wall;
  }

  // Names the stage running now without starting one: in a process that
  // runs one of a group of concurrent stages.
  void rename(std::string Stage) { Current = std::move(Stage); }

  // The stage running now, for internal-error reports.
  const std::string &current() const { return Current; }

  void stop() {
    if (Current.empty())
      return;
    double Ms =
        std::chrono::duration<double, std::milli>(Clock::now() - Begin).count();
    Times.push_back({std::move(Current), Ms, Ms});
    Current.clear();
  }

  void report() {
    stop();
    if (!Report)
      return;
    double Total = 0;
    for (const Time &T : Times)
      Total += T.Wall;
    Err << "===-------------------------------------------===\n"
        << "  dpexc pipeline stages (wall time)\n"
        << "===-------------------------------------------===\n";
    for (const Time &T : Times)
      Err << llvm::format("  %10.3f ms  %5.1f%%  ", T.Ms,
                          Total > 0 ? 100 * T.Ms / Total : 0.0)
          << T.Stage << "\n";
    Err << llvm::format("  %10.3f ms  100.0%%  total\n", Total);
  }

private:
  using Clock = std::chrono::steady_clock;
  llvm::raw_ostream &Err;
  bool Verbose, Report;
  std::string Current;
  Clock::time_point Begin;
  struct Time {
    std::string Stage;
    double Ms;
    // What it adds to the total: a group of concurrent stages adds its wall
    // time, once.
    double Wall;
  };
  std::vector<Time> Times;
};

} // namespace dpex
