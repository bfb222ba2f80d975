// One measured comparison, and the JSON file that bench/report.py renders.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace bench {

struct Result {
  std::string section; // dispatch, kernels, compile
  std::string key;     // short label for tables and the plot
  std::string name;    // what was measured
  std::string unit;    // of `dpex` and `baseline`
  double dpex = 0;     // median
  double baseline = 0; // median, same run, same device
  std::string baselineName;
  // The compared quantity, e.g. "dpex / raw time", computed from the two
  // medians; `target` is the bound it should meet ("<= 1.05", ">= 0.95",
  // or empty where none is set).
  std::string ratioName;
  double ratio = 0;
  std::string target;
  int reps = 0;
  std::string note; // e.g. a result check that failed
};

struct Report {
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<Result> results;
};

// True where `ratio` satisfies `target` (or no target is set).
bool meets(const Result &r);
void writeJson(const Report &report, const std::string &path);

} // namespace bench
