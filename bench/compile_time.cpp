#include "compile_time.hpp"

#include "stats.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <vector>

extern char **environ;

namespace bench {

namespace {

struct Usage {
  double ms = 0;      // wall time of the whole pipeline
  double peakMiB = 0; // largest peak RSS of its processes
};

// Runs argv[0] (looked up in PATH) with stdout discarded; its wall time and
// peak RSS come from the clock around it and wait4's rusage. Linux counts
// the parent's resident pages at spawn time in a child's peak RSS, so
// dpex_bench measures compilers before it allocates anything large.
Usage runProcess(const std::vector<std::string> &argv) {
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null",
                                   O_WRONLY, 0);
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  int spawned =
      posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw std::runtime_error("cannot run " + argv[0] + ": " +
                             std::strerror(spawned));
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid)
    throw std::runtime_error("wait4 failed for " + argv[0]);
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(argv[0] + " failed (status " +
                             std::to_string(status) + ")");
  // ru_maxrss is in KiB on Linux.
  return {ms, usage.ru_maxrss / 1024.0};
}

Usage runPipeline(const std::vector<std::vector<std::string>> &steps) {
  Usage total;
  for (const auto &step : steps) {
    Usage u = runProcess(step);
    total.ms += u.ms;
    total.peakMiB = std::max(total.peakMiB, u.peakMiB);
  }
  return total;
}

} // namespace

void benchCompile(const std::string &dpexc, const std::string &sourceDir,
                  int reps, Report &report) {
  std::string cpp = sourceDir + "/ten_kernels.cpp";
  std::string cl = sourceDir + "/ten_kernels.cl";
  char dirTemplate[] = "/tmp/dpex-bench-XXXXXX";
  if (!mkdtemp(dirTemplate))
    throw std::runtime_error("mkdtemp failed");
  std::string tmp = dirTemplate;

  // What the comparison asks for: SPIR-V plus the stub. dpexc validates its
  // SPIR-V (spirv-val) by default; the clang pipeline does not validate.
  const std::vector<std::vector<std::string>> dpexSpirv = {
      {dpexc, cpp, "-o", tmp + "/dpex", "--targets=spirv"}};
  // dpexc's default output, which also carries the SPIR 1.2 image for PoCL.
  const std::vector<std::vector<std::string>> dpexDefault = {
      {dpexc, cpp, "-o", tmp + "/dpex-default"}};
  const std::vector<std::vector<std::string>> clang = {
      {"clang-15", "-cl-std=CL2.0", "-O2", "-target", "spir64-unknown-unknown",
       "-emit-llvm", "-c", cl, "-o", tmp + "/clang.bc"},
      {"llvm-spirv-15", tmp + "/clang.bc", "-o", tmp + "/clang.spv"}};

  // Warm-up: file cache and dynamic loading.
  runPipeline(dpexSpirv);
  runPipeline(dpexDefault);
  runPipeline(clang);
  std::vector<double> spirvMs, spirvMiB, defaultMs, defaultMiB, clangMs,
      clangMiB;
  for (int r = 0; r < reps; ++r) {
    Usage a = runPipeline(dpexSpirv);
    Usage b = runPipeline(clang);
    Usage c = runPipeline(dpexDefault);
    spirvMs.push_back(a.ms);
    spirvMiB.push_back(a.peakMiB);
    clangMs.push_back(b.ms);
    clangMiB.push_back(b.peakMiB);
    defaultMs.push_back(c.ms);
    defaultMiB.push_back(c.peakMiB);
  }
  std::filesystem::remove_all(tmp);

  const std::string clangName = "clang-15 -cl-std=CL2.0 -O2 + llvm-spirv-15";
  auto add = [&](const std::string &key, const std::string &name,
                 const std::string &unit, double d, double b,
                 const std::string &target) {
    Result r;
    r.section = "compile";
    r.key = key;
    r.name = name;
    r.unit = unit;
    r.dpex = d;
    r.baseline = b;
    r.baselineName = clangName;
    r.ratioName = "dpexc / clang";
    r.ratio = d / b;
    r.target = target;
    r.reps = reps;
    report.results.push_back(r);
  };
  add("compile time", "time: 10 kernels to SPIR-V + stub (--targets=spirv)",
      "ms", median(spirvMs), median(clangMs), "<= 1.20");
  add("compile RSS", "peak RSS: 10 kernels to SPIR-V + stub (--targets=spirv)",
      "MiB", median(spirvMiB), median(clangMiB), "");
  add("compile time +spir", "time: dpexc default images (spirv, spir, cuda) + stub",
      "ms", median(defaultMs), median(clangMs), "");
  add("compile RSS +spir",
      "peak RSS: dpexc default images (spirv, spir, cuda) + stub", "MiB",
      median(defaultMiB), median(clangMiB), "");
}

} // namespace bench
