#!/usr/bin/env bash
# Runs a default build's runtime, end-to-end and example binaries on a
# machine with an NVIDIA GPU, where the build itself cannot happen (no LLVM
# there): build here, bundle, copy the bundle over, run it there.
#
#   scripts/gpu-check.sh bundle [BUILD_DIR] [BUNDLE_DIR]   # here
#   scripts/gpu-check.sh run [BUNDLE_DIR] [LOG]            # on the GPU machine
#   scripts/gpu-check.sh cache BUNDLE_DIR        # the program-cache checks alone
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
  test/e2e/dpex_e2e_half_O0_tests
  test/e2e/dpex_e2e_stdlib_tests
  test/e2e/dpex_e2e_group_full_tests
  test/e2e/dpex_e2e_sub_group_tests
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
  # For bench/run-gpu.sh's first-launch table, bench/first-call.sh gpu, the
  # main bench and the copy overlap and graph replay benches; the SASS ones
  # where the build machine had ptxas.
  for binary in bench/dpex_first_launch_ptx bench/dpex_first_launch_sass \
      bench/dpex_first_call bench/dpex_first_call_sass bench/dpex_first_call_raw \
      bench/dpex_copy_overlap bench/dpex_graph_replay bench/dpex_bench; do
    [ ! -f "$build/$binary" ] || strip -o "$dir/$(basename "$binary")" "$build/$binary" || exit 1
  done
  git -C "$root" rev-parse --short HEAD > "$dir/COMMIT"
  if [ -n "$(git -C "$root" status --porcelain --untracked-files=no)" ]; then
    echo "$(cat "$dir/COMMIT") with uncommitted changes" > "$dir/COMMIT"
  fi
  du -sh "$dir"
}

# The persistent program cache on the GPU, with saxpy (PTX images): a first
# process JITs the PTX and stores the cubin, a second loads it; a damaged
# entry is rebuilt; 8 processes at once on an empty cache all verify and
# leave entries a later process hits; DPEX_CACHE=off writes nothing. (The
# suites above share one cache, so the dpex_run_on_device pass ran every
# binary from cached cubins.)
cache_checks() {
  local dir=$1 cache trace failed=0
  cache=$(mktemp -d)
  saxpy() { DPEX_CACHE_DIR=$cache DPEX_TRACE=1 "$dir/saxpy" "$@" 2>&1; }
  expect() { # expect <what> <pattern> <trace>
    grep -q -- "$2" <<<"$3" || { echo "--- $1: no '$2'"; failed=1; }
  }
  for pass in stored hit; do
    echo "=== program cache, saxpy, expecting '$pass'"
    trace=$(saxpy)
    grep -E 'program cache: (miss|stored|hit|rejected)|built module|verified' <<<"$trace"
    expect "$pass" "program cache: $pass" "$trace"
    expect "$pass" "verified against host reference (0 mismatches)" "$trace"
  done
  echo "=== program cache, a byte flipped in the entry: rejected, rebuilt"
  local entry
  for entry in "$cache"/*.dpexbin; do
    local at byte
    at=$(($(stat -c %s "$entry") / 2))
    byte=$(od -An -tu1 -j "$at" -N1 "$entry" | tr -d ' ')
    printf "\\$(printf %03o $((byte ^ 255)))" |
      dd of="$entry" bs=1 seek="$at" conv=notrunc status=none
  done
  trace=$(saxpy)
  grep -E 'program cache: (rejected|stored)|verified' <<<"$trace"
  expect flipped "program cache: rejected" "$trace"
  expect flipped "verified against host reference (0 mismatches)" "$trace"
  expect "after flip" "program cache: hit" "$(saxpy)"
  echo "=== program cache, 8 processes at once on an empty cache"
  rm -rf "$cache" && mkdir -p "$cache"
  local i pids=()
  for i in 1 2 3 4 5 6 7 8; do
    saxpy >"$cache.$i.log" &
    pids+=($!)
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || { echo "--- process $((i + 1)) failed"; failed=1; }
  done
  for i in 1 2 3 4 5 6 7 8; do
    expect "process $i" "verified against host reference (0 mismatches)" "$(cat "$cache.$i.log")"
    rm -f "$cache.$i.log"
  done
  echo "entries: $(ls "$cache" | wc -l), temp files: $(ls -A "$cache" | grep -vc '\.dpexbin$')"
  expect "after 8" "program cache: hit" "$(saxpy)"
  echo "=== program cache, DPEX_CACHE=off"
  rm -rf "$cache" && mkdir -p "$cache"
  trace=$(DPEX_CACHE=off saxpy)
  expect off "verified against host reference (0 mismatches)" "$trace"
  [ -z "$(ls -A "$cache")" ] || { echo "--- DPEX_CACHE=off wrote to the cache"; failed=1; }
  rm -rf "$cache"
  echo "--- program cache checks: $([ $failed -eq 0 ] && echo passed || echo FAILED)"
  return $failed
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
  cache_checks "$dir" || failed=1
  rm -rf "$suite_cache"
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
  cache) shift; cache_checks "$@" ;;
  *) echo "usage: $0 bundle [BUILD_DIR] [BUNDLE_DIR] | run [BUNDLE_DIR] [LOG] | cache BUNDLE_DIR" >&2; exit 2 ;;
esac
