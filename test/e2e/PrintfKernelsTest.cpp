// dpex::printf output reaches the host process's stdout.
#include "printf_kernels.dpex.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

// Runs `f` with the process's stdout (fd 1, where the OpenCL runtime
// prints) redirected to a temporary file, and returns what was written.
template <typename F> std::string captureStdout(F f) {
  std::fflush(stdout);
  std::FILE *tmp = std::tmpfile();
  REQUIRE(tmp);
  int saved = dup(1);
  dup2(fileno(tmp), 1);
  f();
  std::fflush(stdout);
  dup2(saved, 1);
  close(saved);
  std::string out;
  std::rewind(tmp);
  for (int c; (c = std::fgetc(tmp)) != EOF;)
    out += char(c);
  std::fclose(tmp);
  return out;
}

} // namespace

TEST_CASE("dpex::printf prints each work-item's line", "[e2e][printf]") {
  dpex::queue q;
  const std::size_t n = 4;
  std::vector<float> h = {0.25f, 1.5f, -2.0f, 3.125f};
  dpex::array<float> x(q, n);
  x.copy_from(h);
  std::string out = captureStdout(
      [&] { dpex::call_kernel(e2e::print_values, dpex::range<1>(n), x); });
  std::vector<std::string> lines;
  std::istringstream is(out);
  for (std::string l; std::getline(is, l);)
    lines.push_back(l);
  // Work-items may print in any order.
  std::sort(lines.begin(), lines.end());
  REQUIRE(lines == std::vector<std::string>{"item 0: 0.25 ok a 0",
                                            "item 1: 1.50 ok b 1099511627776",
                                            "item 2: -2.00 ok c 2199023255552",
                                            "item 3: 3.12 ok d 3298534883328"});
}
