#!/usr/bin/env bash
# The README's test command: set up, build, then run every suite with ctest
# (lit, unit, end-to-end).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh"
cd "$root/build"
ctest --output-on-failure -j "${DPEX_JOBS:-$(nproc)}" "$@"
