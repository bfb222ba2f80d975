// Fault injection on OpenCL: with the forwarding libOpenCL.so.1 of
// CLShim.cpp first on LD_LIBRARY_PATH, fails each OpenCL call of a
// build/copy/launch/async cycle in turn, each in a process of its own, and
// checks that the failure is a dpex::error naming the call, that the next
// cycle on a fresh queue (and a fresh module) works, that the process does
// not hang (60 s alarm) and, in the ASan build, that LeakSanitizer finds no
// leak at its exit.
//
// Usage: dpex_clshim_faults <DPEX_DEVICE selector, e.g. opencl:pocl>
//        [<entry>:<n>, to try that failure alone]
// The parent never loads OpenCL, so that each child starts single-threaded.
#include "fault_kernels_a.dpex.hpp"
#include "fault_kernels_b.dpex.hpp"

#include <dlfcn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The entry points of runtime/opencl/OpenCLLoader.h.
const char *const entries[] = {"clGetPlatformIDs",
                               "clGetPlatformInfo",
                               "clGetDeviceIDs",
                               "clGetDeviceInfo",
                               "clCreateContext",
                               "clReleaseContext",
                               "clCreateCommandQueueWithProperties",
                               "clReleaseCommandQueue",
                               "clFlush",
                               "clFinish",
                               "clSVMAlloc",
                               "clSVMFree",
                               "clEnqueueSVMMemcpy",
                               "clCreateProgramWithBinary",
                               "clCreateProgramWithIL",
                               "clBuildProgram",
                               "clGetProgramBuildInfo",
                               "clReleaseProgram",
                               "clCreateKernel",
                               "clReleaseKernel",
                               "clGetKernelWorkGroupInfo",
                               "clSetKernelArg",
                               "clSetKernelArgSVMPointer",
                               "clEnqueueNDRangeKernel",
                               "clEnqueueMarkerWithWaitList",
                               "clWaitForEvents",
                               "clGetEventInfo",
                               "clGetEventProfilingInfo",
                               "clSetEventCallback",
                               "clReleaseEvent"};

// Calls made while the runtime enumerates devices: a failure leaves the
// platform or device out for the whole process, so the selection reports
// device_not_found and there is no fresh queue to try.
const std::set<std::string> enumeration = {"clGetPlatformIDs",
                                           "clGetPlatformInfo",
                                           "clGetDeviceIDs", "clGetDeviceInfo"};

// Calls whose failure the runtime must report. The others it may ride
// out, if the cycle's results stay right: releases (nothing to undo),
// clFlush (the wait that follows submits anyway), clSVMFree (cannot fail),
// device and kernel queries (fallback values: CL_DEVICE_IL_VERSION "",
// the device's work-group size for the kernel's), the build log (only read
// to word a failed build), clGetEventInfo (a poll; the wait reports),
// clSetEventCallback (the launch is then finished by waiting), and the
// program's creation and build where the module has another image the
// device takes (Intel's runtime falls back from SPIR-V to spir).
const std::set<std::string> mustReport = {"clCreateContext",
                                          "clCreateCommandQueueWithProperties",
                                          "clSVMAlloc",
                                          "clEnqueueSVMMemcpy",
                                          "clCreateKernel",
                                          "clSetKernelArg",
                                          "clSetKernelArgSVMPointer",
                                          "clEnqueueNDRangeKernel",
                                          "clEnqueueMarkerWithWaitList",
                                          "clWaitForEvents",
                                          "clGetEventProfilingInfo",
                                          "clFinish"};

// The queues' destructors finish their queues and cannot report a failure:
// the cycle's last two clFinish calls.
constexpr unsigned long FinishesInDestructors = 2;

template <typename Kernel> void cycle(const Kernel &saxpy) {
  // Not a multiple of the work-group granule: on the spir image (PoCL) a
  // launch is a bulk and a tail, and the tail's enqueue fails too.
  constexpr std::size_t N = 4000;
  dpex::queue q(dpex::default_device(), dpex::enable_profiling);
  std::vector<float> x(N), y(N, 1.0f);
  for (std::size_t i = 0; i < N; ++i)
    x[i] = static_cast<float>(i % 100);
  dpex::array<float> ax(q, N), ay(q, N);
  ax.copy_from(x);
  ay.copy_from(y);
  dpex::call_kernel(q, saxpy, dpex::range<1>(N), 2.0f, ax, ay);
  auto [host, device] =
      dpex::call_kernel_async(q, saxpy, dpex::range<1>(N), {}, 1.0f, ax, ay);
  // On a second queue, after the first launch.
  dpex::queue other(q.get_device());
  dpex::array<float> bx(other, N), by(other, N);
  bx.copy_from(x);
  by.copy_from(y);
  auto after = dpex::call_kernel_async(other, saxpy, dpex::range<1>(N),
                                       {device}, 1.0f, bx, by);
  // An empty range after both: a marker (clEnqueueMarkerWithWaitList).
  auto marker = dpex::call_kernel_async(other, saxpy, dpex::range<1>(0),
                                        {device, after.second}, 1.0f, bx, by);
  host.wait();
  after.first.wait();
  marker.first.wait();
  dpex::profiling_info times = device.profiling();
  if (times.end < times.start)
    throw std::logic_error("kernel ends before it starts");
  std::vector<float> out = ay.to_host(), other_out = by.to_host();
  for (std::size_t i = 0; i < N; ++i)
    if (out[i] != 1.0f + 3.0f * x[i] || other_out[i] != 1.0f + x[i])
      throw std::logic_error("wrong result at " + std::to_string(i));
  // Async copies: out of one queue's array, into the other queue's after
  // it. Both host events are waited for before `back` can go, even when
  // the first wait reports a failure.
  std::vector<float> back(N);
  auto copiedOut = ay.to_host_async(back);
  auto copiedIn = bx.copy_from_async(back, {copiedOut.second});
  std::exception_ptr failure;
  for (const dpex::event &e : {copiedOut.first, copiedIn.first})
    try {
      e.wait();
    } catch (const dpex::error &) {
      failure = failure ? failure : std::current_exception();
    }
  if (failure)
    std::rethrow_exception(failure);
  if (back != out || bx.to_host() != out)
    throw std::logic_error("wrong async copy");
  q.wait();
}

// Runs `body` in a child process; returns its exit status and what it wrote.
template <typename Body> int inChild(Body body, std::string &output) {
  int fds[2];
  if (pipe(fds) != 0) {
    std::perror("pipe");
    std::exit(2);
  }
  std::fflush(nullptr);
  pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    alarm(60); // a hang ends as SIGALRM
    std::string text;
    int code = body(text);
    if (write(fds[1], text.data(), text.size()) < 0)
      code = 2;
    close(fds[1]);
    std::exit(code); // runs LeakSanitizer's check in the ASan build
  }
  close(fds[1]);
  output.clear();
  char buffer[4096];
  ssize_t n;
  while ((n = read(fds[0], buffer, sizeof(buffer))) > 0)
    output.append(buffer, static_cast<std::size_t>(n));
  close(fds[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

template <typename F> F shimFunction(const char *name) {
  void *shim = dlopen("libOpenCL.so.1", RTLD_NOW | RTLD_NOLOAD);
  F f = shim ? reinterpret_cast<F>(dlsym(shim, name)) : nullptr;
  if (!f) {
    std::fprintf(stderr, "libOpenCL.so.1 is not the fault-injecting shim\n");
    std::exit(2);
  }
  return f;
}

// The child's part: the cycle with the n-th call of `entry` failing, then
// a cycle without failures. Prints one word: reported, tolerated, absent
// or degraded (at enumeration) or notcalled; anything else fails.
int failOnce(const std::string &entry, unsigned long n, unsigned long calls,
             std::string &out) {
  dpex::devices(); // loads the shim
  auto injected = shimFunction<unsigned long (*)()>("dpexclshim_injected");
  std::string message;
  dpex::errc code{};
  bool threw = false;
  try {
    cycle(fault_a::saxpy);
  } catch (const dpex::error &e) {
    threw = true;
    message = e.what();
    code = e.code();
  } catch (const std::exception &e) {
    out = std::string("WRONG (not a dpex::error): ") + e.what();
    return 1;
  }
  if (injected() == 0) {
    out = "notcalled";
    return 0;
  }
  shimFunction<int (*)(const char *)>("dpexclshim_set_failures")("");
  if (threw && enumeration.count(entry)) {
    // Left out (device_not_found), or described without a capability it
    // has (e.g. no image it can load): for the rest of the process.
    out = code == dpex::errc::device_not_found ? "absent" : "degraded";
    return 0;
  }
  if (threw && message.find(entry) == std::string::npos) {
    out = "WRONG (error does not name the call): " + message;
    return 1;
  }
  bool inDestructor = entry == "clFinish" && n + FinishesInDestructors > calls;
  if (!threw && mustReport.count(entry) && !inDestructor) {
    out = "WRONG (the failure was not reported)";
    return 1;
  }
  try {
    cycle(fault_b::saxpy);
  } catch (const std::exception &e) {
    out = std::string("WRONG (the next cycle failed): ") + e.what();
    return 1;
  }
  out = threw ? "reported" : "tolerated";
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: %s <DPEX_DEVICE selector> [<entry>:<n>]\n",
                 argv[0]);
    return 2;
  }
  std::string only = argc == 3 ? argv[2] : "";
  setenv("DPEX_DEVICE", argv[1], 1);
  unsetenv("DPEX_CLSHIM_FAIL");

  // How often the cycle calls each entry point (device enumeration
  // included).
  std::string counts;
  int status = inChild(
      [](std::string &out) {
        try {
          cycle(fault_a::saxpy);
        } catch (const std::exception &e) {
          out = e.what();
          return 1;
        }
        auto calls =
            shimFunction<unsigned long (*)(const char *)>("dpexclshim_calls");
        for (const char *entry : entries)
          out += std::string(entry) + " " + std::to_string(calls(entry)) + "\n";
        return 0;
      },
      counts);
  if (status != 0) {
    std::fprintf(stderr, "the cycle fails without injected failures: %s\n",
                 counts.c_str());
    return 1;
  }

  std::istringstream lines(counts);
  std::string entry;
  unsigned long calls;
  unsigned long injected = 0, failures = 0;
  std::map<std::string, unsigned long> outcomes;
  std::printf("%-36s %5s  outcomes of failing call 1..n\n", "entry point",
              "calls");
  while (lines >> entry >> calls) {
    std::string summary;
    std::map<std::string, unsigned long> here;
    for (unsigned long n = 1; n <= calls; ++n) {
      std::string spec = entry + ":" + std::to_string(n);
      if (!only.empty() && spec != only)
        continue;
      setenv("DPEX_CLSHIM_FAIL", spec.c_str(), 1);
      std::string out;
      int result = inChild(
          [&](std::string &text) { return failOnce(entry, n, calls, text); },
          out);
      unsetenv("DPEX_CLSHIM_FAIL");
      std::string word = out;
      if (WIFSIGNALED(result))
        word = std::string("WRONG (") +
               (WTERMSIG(result) == SIGALRM ? "hang"
                                            : strsignal(WTERMSIG(result))) +
               ")";
      else if (WEXITSTATUS(result) != 0 && out.rfind("WRONG", 0) != 0)
        word = "WRONG (exit " + std::to_string(WEXITSTATUS(result)) +
               ", a leak in the ASan build) " + out;
      if (word == "notcalled")
        continue;
      ++injected;
      ++here[word.rfind("WRONG", 0) == 0 ? "WRONG" : word];
      if (word.rfind("WRONG", 0) == 0) {
        ++failures;
        std::printf("  DPEX_CLSHIM_FAIL=%s: %s\n", spec.c_str(), word.c_str());
      }
    }
    for (auto &[word, count] : here) {
      summary += " " + word + " " + std::to_string(count);
      outcomes[word] += count;
    }
    std::printf("%-36s %5lu %s\n", entry.c_str(), calls, summary.c_str());
    std::fflush(stdout);
  }
  std::printf("%lu failures injected:", injected);
  for (auto &[word, count] : outcomes)
    std::printf(" %s %lu", word.c_str(), count);
  std::printf("\n");
  return failures == 0 && injected > 0 ? 0 : 1;
}
