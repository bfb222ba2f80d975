#include "compile_time.hpp"

#include "stats.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

extern char **environ;

namespace bench {

namespace {

struct Usage {
  double ms = 0;      // wall time of the whole pipeline
  double peakMiB = 0; // largest peak RSS of its processes
};

// Spawns argv (argv[0] looked up in PATH) with stdout on `out`; returns its
// pid.
pid_t spawn(const std::vector<std::string> &argv, const char *outPath,
            int outFd) {
  std::vector<char *> args;
  for (const std::string &a : argv)
    args.push_back(const_cast<char *>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (outPath)
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outPath, O_WRONLY,
                                     0);
  else
    posix_spawn_file_actions_adddup2(&actions, outFd, STDOUT_FILENO);
  pid_t pid = 0;
  int spawned =
      posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0)
    throw std::runtime_error("cannot run " + argv[0] + ": " +
                             std::strerror(spawned));
  return pid;
}

// Runs argv through this binary's --rss-probe mode and returns the probe's
// report. Linux starts a process's peak RSS at that of the address space it
// was spawned from (kept across exec), so a compiler spawned from this
// process would report at least this process's peak: every row would show
// the same figure once this process is the largest. The probe is a fresh
// image of a few MiB; the compiler it spawns reports its own peak.
Usage runProcess(const std::vector<std::string> &argv) {
  int fds[2];
  if (pipe(fds) != 0)
    throw std::runtime_error("pipe failed");
  std::vector<std::string> probe = {"/proc/self/exe", kRssProbeFlag};
  probe.insert(probe.end(), argv.begin(), argv.end());
  pid_t pid = spawn(probe, nullptr, fds[1]);
  close(fds[1]);
  std::string report;
  char buffer[256];
  for (ssize_t n; (n = read(fds[0], buffer, sizeof buffer)) > 0;)
    report.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
      WEXITSTATUS(status) != 0)
    throw std::runtime_error(argv[0] + " failed (status " +
                             std::to_string(status) + ")");
  Usage u;
  long kib = 0;
  if (std::sscanf(report.c_str(), "%lf %ld", &u.ms, &kib) != 2)
    throw std::runtime_error("no report from the probe of " + argv[0]);
  u.peakMiB = kib / 1024.0;
  return u;
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

struct StubRow {
  int kernels;
  int reps;
  double dpexcMs, dpexcMiB;
  double stubMs, stubMiB;
  std::uintmax_t stubBytes;
};

// A source of `n` small item kernels, as a large generated or
// many-instantiation kernel file would be.
void writeManyKernels(const std::string &path, int n) {
  std::ofstream out(path);
  out << "#include <dpex/kernel.hpp>\n\nnamespace many {\n";
  for (int k = 0; k < n; ++k)
    out << "DPEX_KERNEL void k" << k
        << "(dpex::item<1> it, float a, const float *x, float *y) {\n"
           "  size_t i = it.get_id(0);\n"
           "  y[i] = a * x[i] + y[i] + "
        << k << ".0f;\n}\n";
  out << "} // namespace many\n";
  if (!out)
    throw std::runtime_error("cannot write " + path);
}

// dpexc's time on 10, 100 and 400 kernels against the host compiler's on
// the stub it writes, interleaved, medians of `reps` (at most 5 for 400).
std::vector<StubRow> benchStubCompile(const std::string &dpexc,
                                      const std::string &sourceRoot,
                                      const std::string &tmp, int reps) {
  std::string include = sourceRoot + "/include";
  if (!std::filesystem::exists(include + "/dpex/runtime/kernel_handle.hpp"))
    throw std::runtime_error("no dpex headers at " + include);
  std::vector<StubRow> rows;
  for (int n : {10, 100, 400}) {
    std::string base = tmp + "/many" + std::to_string(n);
    writeManyKernels(base + ".cpp", n);
    const std::vector<std::string> compile = {dpexc, base + ".cpp", "-o", base};
    const std::vector<std::string> stub = {
        "c++",          "-std=c++17",       "-O2", "-c",
        "-I" + include, base + ".dpex.cpp", "-o",  base + ".o"};
    runProcess(compile); // warm-up, and the stub to compile
    runProcess(stub);
    int runs = n >= 400 ? std::min(reps, 5) : reps;
    std::vector<double> dMs, dMiB, sMs, sMiB;
    for (int r = 0; r < runs; ++r) {
      Usage d = runProcess(compile);
      Usage s = runProcess(stub);
      dMs.push_back(d.ms);
      dMiB.push_back(d.peakMiB);
      sMs.push_back(s.ms);
      sMiB.push_back(s.peakMiB);
    }
    rows.push_back({n, runs, median(dMs), median(dMiB), median(sMs),
                    median(sMiB),
                    std::filesystem::file_size(base + ".dpex.cpp")});
  }
  return rows;
}

} // namespace

int rssProbe(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  if (args.empty())
    return 2;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = spawn(args, "/dev/null", -1);
  int status = 0;
  rusage usage{};
  if (wait4(pid, &status, 0, &usage) != pid)
    return 1;
  double ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return 1;
  // ru_maxrss is in KiB on Linux.
  std::printf("%.3f %ld\n", ms, usage.ru_maxrss);
  return 0;
}

void benchCompile(const std::string &dpexc, const std::string &sourceRoot,
                  const std::string &clSource, int reps, Report &report) {
  std::string cpp = sourceRoot + "/bench/kernels/bench_kernels.cpp";
  const std::string &cl = clSource;
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
  const std::vector<StubRow> stubRows =
      benchStubCompile(dpexc, sourceRoot, tmp, reps);
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
  add("compile time",
      "time: the bench kernels to SPIR-V + stub (--targets=spirv)", "ms",
      median(spirvMs), median(clangMs), "<= 1.20");
  add("compile RSS",
      "peak RSS: the bench kernels to SPIR-V + stub (--targets=spirv)", "MiB",
      median(spirvMiB), median(clangMiB), "");
  add("compile time +spir",
      "time: dpexc default images (spirv, spir, cuda) + stub", "ms",
      median(defaultMs), median(clangMs), "");
  add("compile RSS +spir",
      "peak RSS: dpexc default images (spirv, spir, cuda) + stub", "MiB",
      median(defaultMiB), median(clangMiB), "");
  for (const StubRow &row : stubRows) {
    Result r;
    r.section = "compile";
    r.key = "stub compile " + std::to_string(row.kernels);
    r.name = "time: c++ -O2 -c of the .dpex.cpp of " +
             std::to_string(row.kernels) + " kernels (default images)";
    r.unit = "ms";
    r.dpex = row.stubMs;
    r.baseline = row.dpexcMs;
    r.baselineName = "dpexc on the same source";
    r.ratioName = "stub compile / dpexc";
    r.ratio = row.stubMs / row.dpexcMs;
    r.target = row.kernels >= 100 ? "<= 0.25" : "";
    r.reps = row.reps;
    r.note = std::to_string(row.stubBytes / 1024) +
             " KiB .dpex.cpp; peak RSS " +
             std::to_string(static_cast<int>(row.stubMiB)) + " MiB (c++), " +
             std::to_string(static_cast<int>(row.dpexcMiB)) + " MiB (dpexc)";
    report.results.push_back(r);
  }
}

} // namespace bench
