#!/usr/bin/env bash
# The README's test command: set up, build, then run every suite with ctest
# (lit, unit, end-to-end).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j "${DPEX_JOBS:-$(nproc)}" "$@"
# DPEX_SANITIZERS=asan|tsan|all adds scripts/sanitizers.sh's suites (CI sets
# it: docs/reliability.md); they build in build-asan and build-tsan.
if [ -n "${DPEX_SANITIZERS:-}" ]; then
  "$root/scripts/sanitizers.sh" "$DPEX_SANITIZERS"
fi
