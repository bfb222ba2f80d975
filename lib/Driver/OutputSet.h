// All outputs of one compilation, held in memory until every stage has
// succeeded, then written with temp-file-and-rename so that a reader never
// sees a partial file. A failed compilation removes the outputs of earlier
// runs instead, so a build cannot pick up a stale result.
#pragma once

#include "llvm/Support/Error.h"

#include <string>
#include <utility>
#include <vector>

namespace dpex {

class OutputSet {
public:
  void add(std::string Path, std::string Contents) {
    Files.emplace_back(std::move(Path), std::move(Contents));
  }
  // Also remembered for removal if the compilation fails.
  void expect(std::string Path) { Expected.push_back(std::move(Path)); }

  llvm::Error commit() const;
  void removeStale() const;

private:
  std::vector<std::pair<std::string, std::string>> Files;
  std::vector<std::string> Expected;
};

} // namespace dpex
