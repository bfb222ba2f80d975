// The exit guard of lib/Driver: an exit() from a library while the compiler
// runs becomes status 3 after the guard's cleanup. Each case runs in a
// child process, since an exit ends it.
#include "ExitGuard.h"

#include "dpex/compiler/SPIRV.h"

#include "llvm/AsmParser/Parser.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SourceMgr.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <functional>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// The child's exit status, and whether the guard's handler ran (the handler
// writes one byte to a pipe).
struct ChildResult {
  int Status = -1;
  bool HandlerRan = false;
};

ChildResult inChild(const std::function<void(int NotifyFD)> &Body) {
  int Pipe[2];
  REQUIRE(pipe(Pipe) == 0);
  pid_t Pid = fork();
  REQUIRE(Pid >= 0);
  if (Pid == 0) {
    close(Pipe[0]);
    Body(Pipe[1]);
    std::_Exit(0);
  }
  close(Pipe[1]);
  char Byte;
  ChildResult R;
  R.HandlerRan = read(Pipe[0], &Byte, 1) == 1;
  close(Pipe[0]);
  int WaitStatus = 0;
  REQUIRE(waitpid(Pid, &WaitStatus, 0) == Pid);
  REQUIRE(WIFEXITED(WaitStatus));
  R.Status = WEXITSTATUS(WaitStatus);
  return R;
}

void notify(int FD) { (void)!write(FD, "x", 1); }

} // namespace

TEST_CASE("an exit() while a guard lives ends with status 3 after the "
          "guard's handler",
          "[driver]") {
  ChildResult R = inChild([](int FD) {
    dpex::ExitGuard Guard([FD] { notify(FD); });
    std::exit(15);
  });
  CHECK(R.Status == 3);
  CHECK(R.HandlerRan);
}

TEST_CASE("an exit() after the guard is gone keeps its status", "[driver]") {
  ChildResult R = inChild([](int FD) {
    {
      dpex::ExitGuard Guard([FD] { notify(FD); });
    }
    std::exit(15);
  });
  CHECK(R.Status == 15);
  CHECK_FALSE(R.HandlerRan);
}

// The translator itself: it ends the process on `freeze` (status 15,
// SPIRVEC_InvalidInstruction), which the device pipeline removes; given one
// directly, the guard turns its exit into status 3.
TEST_CASE("SPIRV-LLVM-Translator's exit on untranslatable IR is caught by "
          "the guard",
          "[driver]") {
  ChildResult R = inChild([](int FD) {
    llvm::LLVMContext Ctx;
    Ctx.setOpaquePointers(false);
    llvm::SMDiagnostic Diag;
    std::unique_ptr<llvm::Module> M = llvm::parseAssemblyString(
        "target triple = \"spir64-unknown-unknown\"\n"
        "define spir_kernel void @k(i32 addrspace(1)* %p) {\n"
        "  %v = load i32, i32 addrspace(1)* %p\n"
        "  %f = freeze i32 %v\n"
        "  store i32 %f, i32 addrspace(1)* %p\n"
        "  ret void\n"
        "}\n",
        Diag, Ctx);
    if (!M)
      std::_Exit(100);
    dpex::ExitGuard Guard([FD] { notify(FD); });
    // Reaching the next line would mean the translator returned.
    llvm::consumeError(dpex::emitSPIRV(*M).takeError());
    std::_Exit(101);
  });
  CHECK(R.Status == 3);
  CHECK(R.HandlerRan);
}
