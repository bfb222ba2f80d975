#!/usr/bin/env bash
# Runs a default build's runtime, end-to-end and example binaries on a
# machine with an NVIDIA GPU, where the build itself cannot happen (no LLVM
# there): build here, bundle, copy the bundle over, run it there.
#
#   scripts/gpu-check.sh bundle [BUILD_DIR] [BUNDLE_DIR]   # here
#   scripts/gpu-check.sh run [BUNDLE_DIR] [LOG]            # on the GPU machine
#
# BUILD_DIR defaults to build (as scripts/build.sh makes it: default images,
# so PTX for the default archs), BUNDLE_DIR to build-gpu-bundle. The bundle
# holds the binaries stripped (they need only libc, libstdc++ and, at run
# time, libcuda.so.1) and the commit they were built from.
#
# `run` runs every binary twice: first as a user would, with no DPEX_*
# variable set, so the default device must be the GPU; then through
# dpex_run_on_device cuda:gpu ptx, which checks that every module was built
# from a ptx image. It exits non-zero if anything failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

binaries=(
  test/unit/runtime/dpex_cuda_tests
  test/e2e/dpex_e2e_tests
  test/e2e/dpex_e2e_language_tests
  test/e2e/dpex_e2e_language_g_tests
  test/e2e/dpex_e2e_math_fast_math_tests
  test/e2e/dpex_e2e_address_space_tests
  test/e2e/dpex_e2e_libcall_O2_tests
  test/e2e/dpex_e2e_libcall_O0_tests
  test/e2e/dpex_e2e_stdlib_tests
  test/diff/dpex_diff_random
  examples/saxpy examples/matrix2d examples/tiled_matmul examples/reduction
  examples/histogram examples/stencil2d examples/black_scholes
)

bundle() {
  local build=${1:-$root/build} dir=${2:-$root/build-gpu-bundle}
  rm -rf "$dir" && mkdir -p "$dir"
  for binary in "${binaries[@]}" test/tools/dpex_run_on_device; do
    strip -o "$dir/$(basename "$binary")" "$build/$binary" || exit 1
  done
  # For bench/run-gpu.sh's first-launch table; the SASS one where the build
  # machine had ptxas.
  for binary in bench/dpex_first_launch_ptx bench/dpex_first_launch_sass; do
    [ ! -f "$build/$binary" ] || strip -o "$dir/$(basename "$binary")" "$build/$binary" || exit 1
  done
  git -C "$root" rev-parse --short HEAD > "$dir/COMMIT"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
    echo "$(cat "$dir/COMMIT") with uncommitted changes" > "$dir/COMMIT"
  fi
  du -sh "$dir"
}

run_all() {
  local dir=$1 failed=0
  echo "commit: $(cat "$dir/COMMIT")"
  nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv,noheader
  unset DPEX_DEVICE DPEX_TRACE DPEX_CACHE
  local suite_cache
  suite_cache=$(mktemp -d)
  export DPEX_CACHE_DIR=$suite_cache
  for binary in "${binaries[@]}"; do
    name=$(basename "$binary")
    echo "=== ./$name"
    "$dir/$name" 2>&1 | tail -n 4
    status=${PIPESTATUS[0]}
    echo "--- exit $status"
    [ "$status" -eq 0 ] || failed=1
  done
  for binary in "${binaries[@]}"; do
    name=$(basename "$binary")
    echo "=== dpex_run_on_device cuda:gpu ptx ./$name"
    "$dir/dpex_run_on_device" cuda:gpu ptx "$dir/$name" 2>&1 |
      grep -E '^dpex_run_on_device|test cases|passed|verified|FAILED'
    status=${PIPESTATUS[0]}
    echo "--- exit $status"
    [ "$status" -eq 0 ] || failed=1
  done
  # The persistent program cache: a first process JITs the PTX and stores
  # the cubin, a second loads it. (The runs above share one cache, so the
  # dpex_run_on_device pass ran every binary from cached cubins.)
  local cache
  cache=$(mktemp -d)
  for pass in stored hit; do
    echo "=== program cache, saxpy, expecting '$pass'"
    local trace
    trace=$(DPEX_CACHE_DIR=$cache DPEX_TRACE=1 "$dir/saxpy" 2>&1)
    grep -E 'program cache: (miss|stored|hit|rejected)|built module|verified' <<<"$trace"
    grep -q "program cache: $pass" <<<"$trace" || { echo "--- no '$pass'"; failed=1; }
  done
  rm -rf "$cache" "$suite_cache"
  echo "=== result: $([ $failed -eq 0 ] && echo all passed || echo FAILURES)"
  return $failed
}

run() {
  local dir=${1:-$root/build-gpu-bundle} log=${2:-/dev/stdout}
  run_all "$dir" 2>&1 | tee "$log"
  return "${PIPESTATUS[0]}"
}

case "${1:-}" in
  bundle) shift; bundle "$@" ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 bundle [BUILD_DIR] [BUNDLE_DIR] | run [BUNDLE_DIR] [LOG]" >&2; exit 2 ;;
esac
