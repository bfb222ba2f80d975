#!/usr/bin/env bash
# Sanitizer suites (docs/reliability.md):
#   asan: everything built with g++ -fsanitize=address,undefined in
#         build-asan; runs the unit and end-to-end tests and the stress test.
#   tsan: the runtime alone (LLVM and Clang cannot be rebuilt with TSan) built
#         with -fsanitize=thread in build-tsan; runs the concurrency tests.
# Usage: scripts/sanitizers.sh [asan|tsan|all]   (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jobs=${DPEX_JOBS:-$(nproc)}
suite=${1:-all}
case "$suite" in asan|tsan|all) ;; *) echo "usage: $0 [asan|tsan|all]" >&2; exit 2 ;; esac

"$root/scripts/setup.sh"

# PoCL keeps allocations until exit; lsan.supp covers frames in PoCL and the
# ICD loader only, and seeing those frames under allocations made by PoCL's
# LLVM needs the slow unwinder.
export LSAN_OPTIONS="suppressions=$root/test/sanitizers/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="fast_unwind_on_malloc=0:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1"

configure_and_build() { # <dir> <cmake args...>
  local dir=$1
  shift
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

if [ "$suite" != tsan ]; then
  # dpexc runs under ASan while it compiles the e2e kernels, so the build
  # itself is part of the check. The simulated-driver suites (sim.*, label
  # unit) run here too: sim.opencl.faults.pocl ends each fault-injection
  # child with LeakSanitizer's check; its Intel twin is left out (6 min
  # here, in a runtime that is not instrumented). e2e.installed_package is
  # left out: it builds
  # an outside project against the installed (instrumented) runtime without
  # the sanitizer flags, which cannot link.
  configure_and_build "$root/build-asan" -DDPEX_SANITIZE=address,undefined
  (cd "$root/build-asan" &&
    ctest --output-on-failure -j "$jobs" -L 'unit|e2e' -E '^(e2e\.installed_package|runtime\.|sim\.opencl\.faults\.intel$)' &&
    ctest --output-on-failure -R '^runtime\.')
fi

if [ "$suite" != asan ]; then
  configure_and_build "$root/build-tsan" -DDPEX_SANITIZE=thread -DDPEX_BUILD_COMPILER=OFF
  # Not on Intel's CPU runtime: it runs kernels on TBB threads that it
  # synchronises in uninstrumented code, so TSan reports every result a
  # kernel wrote and the host then read as a race (docs/reliability.md).
  # sim.cuda.*: the CUDA backend on the simulated driver, which is built
  # with TSan too.
  (cd "$root/build-tsan" && ctest --output-on-failure -R '^(runtime\.(unit|stress)\.|sim\.cuda\.)' -E '\.intel$')
fi
