#!/usr/bin/env bash
# ProgramCacheProcesses.sh <run> <device> <other-device> <work-dir> [<shim-dir>]
#
# The program cache across processes on one OpenCL device: runs <run>
# (dpex_program_cache_run) in fresh processes with DPEX_TRACE=1 and checks
# its results and the cache's trace lines: a cold run stores, a warm one
# hits; another device, damaged entries, 8 processes at once, DPEX_CACHE=off,
# a cache that cannot be written and a small size limit. With <shim-dir>
# (test/sim/opencl's fault-injecting libOpenCL.so.1), a driver that rejects
# the cached binary. Exits 77 if <device> is absent.
set -u
run=$1 device=$2 other=$3 work=$4 shim=${5:-}

fail() {
  echo "FAIL: $*"
  exit 1
}

rm -rf "$work"
mkdir -p "$work"
step=0

# once <cache-dir> [VAR=value...]: one process on <device>; sets $log.
once() {
  local dir=$1
  shift
  step=$((step + 1))
  log=$work/run$step.log
  env DPEX_DEVICE="$device" DPEX_TRACE=1 DPEX_CACHE_DIR="$dir" "$@" "$run" \
    >"$log" 2>&1
}

# expect <pattern> <count>: lines of $log matching.
expect() {
  local n
  n=$(grep -c -- "$1" "$log")
  if [ "$n" != "$2" ]; then
    cat "$log"
    fail "$log: $n lines matching '$1', expected $2"
  fi
}

ok() {
  grep -q '^results ok$' "$log" || {
    cat "$log"
    fail "$log: wrong results"
  }
}

entries() { find "$1" -name '*.dpexbin' | wc -l; }

# flip <file> <offset>: inverts one byte.
flip() {
  local byte
  byte=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  printf "\\$(printf %03o $((byte ^ 255)))" |
    dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

cache=$work/cache
echo "== cold: both modules built and stored"
once "$cache"
status=$?
if [ $status = 77 ]; then
  echo "skipped: no device for DPEX_DEVICE=$device"
  cat "$log"
  exit 77
fi
[ $status = 0 ] || {
  cat "$log"
  fail "exit status $status"
}
ok
expect "program cache: miss" 2
expect "program cache: stored" 2
[ "$(entries "$cache")" = 2 ] || fail "$(entries "$cache") entries, expected 2"
largest=$(find "$cache" -name '*.dpexbin' -printf '%s\n' | sort -n | tail -1)
grep "built module" "$log"

echo "== warm: both from the cache"
once "$cache"
ok
expect "program cache: hit" 2
expect "program cache: miss" 0
expect "built module .*: image [a-z]* (cached binary" 2
grep "program cache: hit\|built module" "$log"

echo "== another device ($other) in the same directory"
env DPEX_DEVICE="$other" DPEX_TRACE=1 DPEX_CACHE_DIR="$cache" "$run" \
  >"$work/other.log" 2>&1
status=$?
if [ $status = 0 ]; then
  log=$work/other.log
  ok
  expect "program cache: miss" 2
  expect "program cache: stored" 2
  [ "$(entries "$cache")" = 4 ] || fail "$(entries "$cache") entries, not 4"
  once "$cache"
  ok
  expect "program cache: hit" 2
elif [ $status = 77 ]; then
  echo "(no $other here)"
else
  cat "$work/other.log"
  fail "the run on $other failed"
fi

echo "== a byte flipped in every entry: rejected, rebuilt, replaced"
for entry in "$cache"/*.dpexbin; do
  flip "$entry" $(($(stat -c %s "$entry") / 2))
done
once "$cache"
ok
expect "program cache: rejected" 2
expect "program cache: stored" 2
once "$cache"
ok
expect "program cache: hit" 2

echo "== every entry truncated: rejected, rebuilt, replaced"
for entry in "$cache"/*.dpexbin; do
  truncate -s $(($(stat -c %s "$entry") / 3)) "$entry"
done
once "$cache"
ok
expect "program cache: rejected" 2
expect "program cache: stored" 2
once "$cache"
ok
expect "program cache: hit" 2

echo "== 8 processes at once against an empty cache"
together=$work/together
pids=()
for i in 1 2 3 4 5 6 7 8; do
  env DPEX_DEVICE="$device" DPEX_TRACE=1 DPEX_CACHE_DIR="$together" "$run" \
    >"$work/together$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2 3 4 5 6 7 8; do
  wait "${pids[$((i - 1))]}" || {
    cat "$work/together$i.log"
    fail "process $i of 8 failed"
  }
  log=$work/together$i.log
  ok
done
[ "$(entries "$together")" = 2 ] || fail "$(entries "$together") entries"
[ -z "$(find "$together" -name '.tmp-*')" ] || fail "temporary files left"
once "$together"
ok
expect "program cache: hit" 2
expect "program cache: rejected" 0

echo "== DPEX_CACHE=off writes nothing"
once "$work/off" DPEX_CACHE=off
ok
expect "program cache: off" 1
[ ! -e "$work/off" ] || fail "DPEX_CACHE=off created $work/off"

echo "== a cache directory that cannot be created"
echo "a file" >"$work/file"
once "$work/file/cache"
ok
expect "program cache: cannot write" 1
expect "program cache: stored" 0

echo "== a read-only cache directory"
if [ "$(id -u)" = 0 ]; then
  # Permissions do not stop root; the uncreatable directory above is the
  # check that holds for every user.
  echo "(running as root: chmod 0500 cannot make a directory read-only)"
else
  cp -r "$cache" "$work/readonly"
  chmod 0500 "$work/readonly"
  once "$work/readonly"
  chmod 0700 "$work/readonly"
  ok
  expect "program cache: hit" 2
fi

echo "== DPEX_CACHE_MAX_SIZE: room for one of the two entries"
limit=$((largest + 100))
once "$work/small" DPEX_CACHE_MAX_SIZE=$limit
ok
expect "program cache: stored" 2
expect "program cache: evicted" 1
size=$(find "$work/small" -name '*.dpexbin' -printf '%s\n' |
  awk '{ s += $1 } END { print s + 0 }')
[ "$size" -le "$limit" ] || fail "$size bytes on disk, limit $limit"
echo "$size bytes on disk, limit $limit"

if [ -n "$shim" ]; then
  for call in clCreateProgramWithBinary clBuildProgram; do
    echo "== the driver rejects the cached binary ($call fails)"
    once "$cache" LD_LIBRARY_PATH="$shim" DPEX_CLSHIM_FAIL=$call:1
    ok
    expect "program cache: the driver rejected the cached binary" 1
    expect "program cache: stored" 1
    once "$cache"
    ok
    expect "program cache: hit" 2
  done
fi
echo "all program cache checks passed"
