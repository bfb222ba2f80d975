// dpex_run_on_device <DPEX_DEVICE selector> <image> <command> [args...]
//
// Runs one test program on one device, so ctest shows a result per device
// (e2e.kernels.pocl, e2e.kernels.intel, ...):
// - no device matches the selector: prints why and exits 77, which the ctest
//   entry declares as SKIP_RETURN_CODE, so an absent device is a skip;
// - otherwise runs the command with DPEX_DEVICE=<selector> and DPEX_TRACE=1,
//   passes its output through (minus the runtime's trace lines), and fails
//   unless every module built on that device used <image> ("spirv", "spir",
//   "ptx") and at least one was built: a test that silently ran elsewhere,
//   or from another image, does not pass.
#include <dpex/runtime.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

constexpr int SkipExitCode = 77;

struct BuildCheck {
  std::string device;
  std::string image;
  int matching = 0;
  std::vector<std::string> mismatches;

  // A trace line "dpex: built module 'm' for 'device' (...): image spirv ...".
  void inspect(const std::string &line) {
    const std::string prefix = "dpex: built module '";
    if (line.compare(0, prefix.size(), prefix) != 0)
      return;
    if (line.find("' for '" + device + "' (") == std::string::npos)
      return; // a test that picked another device itself
    std::size_t at = line.find("): image ");
    if (at == std::string::npos)
      return;
    std::string used = line.substr(at + 9);
    used = used.substr(0, used.find(' '));
    if (used == image)
      ++matching;
    else
      mismatches.push_back(line);
  }
};

int runChild(char **argv, BuildCheck &check) {
  int pipeFds[2];
  if (pipe(pipeFds) != 0) {
    std::perror("dpex_run_on_device: pipe");
    return 1;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDERR_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  posix_spawn_file_actions_addclose(&actions, pipeFds[1]);
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  close(pipeFds[1]);
  if (spawned != 0) {
    close(pipeFds[0]);
    std::fprintf(stderr, "dpex_run_on_device: cannot run %s: %s\n", argv[0],
                 std::strerror(spawned));
    return 1;
  }

  FILE *childErr = fdopen(pipeFds[0], "r");
  char *line = nullptr;
  std::size_t capacity = 0;
  ssize_t length = 0;
  while ((length = getline(&line, &capacity, childErr)) > 0) {
    std::string text(line, static_cast<std::size_t>(length));
    if (text.compare(0, 6, "dpex: ") == 0) {
      check.inspect(text);
      continue;
    }
    std::fputs(text.c_str(), stderr);
  }
  std::free(line);
  std::fclose(childErr);

  int status = 0;
  if (waitpid(pid, &status, 0) < 0) {
    std::perror("dpex_run_on_device: waitpid");
    return 1;
  }
  if (WIFSIGNALED(status)) {
    std::fprintf(stderr, "dpex_run_on_device: %s killed by signal %d\n",
                 argv[0], WTERMSIG(status));
    return 1;
  }
  return WEXITSTATUS(status);
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: dpex_run_on_device <selector> "
                         "<spirv|spir|ptx> <command> [args...]\n");
    return 2;
  }
  const char *selector = argv[1];
  setenv("DPEX_DEVICE", selector, 1);
  BuildCheck check;
  check.image = argv[2];
  try {
    dpex::device device = dpex::default_device();
    check.device = device.name();
    std::printf("dpex_run_on_device: DPEX_DEVICE=%s is '%s' (%s); expecting "
                "the %s image\n",
                selector, device.name().c_str(), device.platform().c_str(),
                check.image.c_str());
    std::fflush(stdout);
  } catch (const dpex::error &e) {
    if (e.code() != dpex::errc::device_not_found) {
      std::fprintf(stderr, "dpex_run_on_device: %s\n", e.what());
      return 1;
    }
    std::printf("dpex_run_on_device: skipped, no device for DPEX_DEVICE=%s: "
                "%s\n",
                selector, e.what());
    return SkipExitCode;
  }

  setenv("DPEX_TRACE", "1", 1);
  int status = runChild(argv + 3, check);
  if (status != 0)
    return status == SkipExitCode ? 1 : status;
  for (const std::string &line : check.mismatches)
    std::fprintf(stderr, "dpex_run_on_device: expected image %s: %s",
                 check.image.c_str(), line.c_str());
  if (!check.mismatches.empty())
    return 1;
  if (check.matching == 0) {
    std::fprintf(stderr,
                 "dpex_run_on_device: no module was built on '%s': the test "
                 "ran no kernel there\n",
                 check.device.c_str());
    return 1;
  }
  std::printf("dpex_run_on_device: %d module builds on '%s', all from the %s "
              "image\n",
              check.matching, check.device.c_str(), check.image.c_str());
  return 0;
}
