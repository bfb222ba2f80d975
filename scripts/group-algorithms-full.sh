#!/usr/bin/env bash
# The full suite of the work-group algorithms (every algorithm for every
# operation and value type, at several work-group sizes each) on PoCL and on
# Intel's OpenCL CPU runtime, then on Intel's through the warp-then-block
# path of the PTX image (dpex_e2e_group_warp_tests: a test hook puts it in
# the SPIR-V image). Not part of ctest: PoCL takes minutes on it.
# Usage: scripts/group-algorithms-full.sh [build-dir]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cmake --build "$build" --target dpex_e2e_group_full_tests \
  dpex_e2e_group_warp_tests dpex_run_on_device
for device in "pocl opencl:pocl spir full" "intel opencl:intel spirv full" \
  "intel-warp-path opencl:intel spirv warp"; do
  set -- $device
  echo "== $1"
  start=$(date +%s)
  rc=0
  DPEX_CACHE=off "$build/test/tools/dpex_run_on_device" "$2" "$3" \
    "$build/test/e2e/dpex_e2e_group_$4_tests" || rc=$?
  echo "== $1: exit $rc in $(($(date +%s) - start)) s"
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 77 ]; then
    exit "$rc"
  fi
done
