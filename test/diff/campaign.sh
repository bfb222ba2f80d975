#!/bin/bash
# Differential testing campaign: M random programs (gen_kernels.py), each
# compiled by dpexc and run on every OpenCL device present, compared with the
# host reference built from the same source.
#
#   test/diff/campaign.sh [-b BUILD_DIR] [-n M] [-s FIRST_SEED] [-k KERNELS]
#                         [-f FEATURES] [-o OUT_DIR] [-x "DPEXC OPTIONS"]
#                         [-d "DEVICES"]
#
# BUILD_DIR has dpexc and the runtime library (default: build). FEATURES as
# for gen_kernels.py (default 'all'). DEVICES: DPEX_DEVICE selectors
# (default "opencl:pocl opencl:intel"). Results in OUT_DIR (default
# diff-campaign):
#   summary.txt          one line per program: seed, outcome, class
#   compile/<class>/     programs dpexc rejected: p<seed>.cpp and its stderr
#   mismatch/            programs whose device results differ from the host,
#                        with the driver's output per device
#   devfail/             programs a device failed to build or run (class:
#                        unresolved-import, build, signal<N>, timeout)
# A compile failure's class is read from dpexc's diagnostics: freeze,
# odd-width, intrinsic (an LLVM intrinsic without SPIR-V equivalent),
# unresolved-import, spirv-val, ptx, ice (internal compiler error), crash
# (killed by a signal), timeout, source-error (the generator wrote a program
# the front end rejects: a generator bug), or rc<N> for anything else.
set -u
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=build n=100 seed=1 kernels=6 features=all out=diff-campaign
dpexc_opts="" devices="opencl:pocl opencl:intel"
while getopts "b:n:s:k:f:o:x:d:" opt; do
  case $opt in
  b) build=$OPTARG ;; n) n=$OPTARG ;; s) seed=$OPTARG ;;
  k) kernels=$OPTARG ;; f) features=$OPTARG ;; o) out=$OPTARG ;;
  x) dpexc_opts=$OPTARG ;; d) devices=$OPTARG ;;
  *) sed -n 2,22p "$0"; exit 2 ;;
  esac
done
build=$(cd "$build" && pwd)
dpexc=$build/tools/dpexc/dpexc
runtime=$build/runtime/libdpex_runtime.a
for f in "$dpexc" "$runtime"; do
  [ -f "$f" ] || { echo "campaign.sh: $f missing" >&2; exit 2; }
done
mkdir -p "$out/work"
out=$(cd "$out" && pwd)
work=$out/work
cxx="${CXX:-g++} -std=c++17 -O1 -w"

classify() { # stderr file, exit status
  local log=$1 rc=$2
  if [ "$rc" -eq 124 ]; then echo timeout
  elif [ "$rc" -ge 128 ]; then echo crash
  elif grep -qE "\.cpp:[0-9]+:[0-9]+: error:" "$log"; then echo source-error
  elif grep -q "freeze" "$log"; then echo freeze
  elif grep -qE "Invalid bit width|-bit integer" "$log"; then echo odd-width
  elif grep -q "LLVM intrinsic" "$log"; then echo intrinsic
  elif grep -qiE "unresolved|undefined (symbol|function)|import" "$log"; then
    echo unresolved-import
  elif grep -qiE "spirv-val|validation" "$log"; then echo spirv-val
  elif grep -qiE "ptx|nvptx" "$log"; then echo ptx
  elif grep -q "internal compiler error" "$log"; then echo ice
  else echo "rc$rc"
  fi
}

devclass() { # driver output, exit status
  local log=$1 rc=$2
  if [ "$rc" -eq 124 ]; then echo timeout
  elif [ "$rc" -ge 128 ]; then echo "signal$((rc - 128))"
  elif grep -q "Cannot find symbol" "$log"; then echo unresolved-import
  elif grep -q "failed to build" "$log"; then echo build
  else echo "rc$rc"
  fi
}

$cxx -I "$src/include" -c "$here/diff_driver.cpp" -o "$work/driver.o" || exit 1
git -C "$src" rev-parse --short HEAD > "$out/commit.txt" 2>/dev/null
echo "features=$features kernels=$kernels dpexc_opts=$dpexc_opts" > "$out/config.txt"
rm -f "$out/summary.txt"
start=$(date +%s)
last=$((seed + n - 1))
for s in $(seq "$seed" "$last"); do
  p=p$s d=$work/$p
  rm -rf "$d" && mkdir -p "$d"
  python3 "$here/make_suite.py" --out "$d" --kernels "$kernels" \
    --features "$features" "$s" || exit 1
  # shellcheck disable=SC2086
  timeout 300 "$dpexc" "$d/$p.cpp" -o "$d/$p" --emit=spirv,stub $dpexc_opts \
    2> "$d/dpexc.log" > /dev/null
  rc=$?
  if [ $rc -ne 0 ]; then
    cls=$(classify "$d/dpexc.log" $rc)
    mkdir -p "$out/compile/$cls"
    cp "$d/$p.cpp" "$out/compile/$cls/"
    grep -v "warning:" "$d/dpexc.log" | grep -vE "^ |^$" | head -40 \
      > "$out/compile/$cls/$p.log"
    echo "$s compile-fail $cls rc=$rc" >> "$out/summary.txt"
    rm -rf "$d"
    continue
  fi
  if ! $cxx -I "$src/include" -I "$d" -c "$d/$p.dpex.cpp" -o "$d/stub.o" ||
     ! $cxx -I "$src/include" -I "$here" -c "$d/registry.cpp" -o "$d/reg.o" ||
     ! $cxx -ffp-contract=off -I "$here/host" -c "$d/${p}_ref.cpp" -o "$d/ref.o" ||
     ! $cxx "$work/driver.o" "$d/stub.o" "$d/reg.o" "$d/ref.o" "$runtime" \
         -ldl -o "$d/run"; then
    mkdir -p "$out/hostfail" && cp "$d/$p.cpp" "$out/hostfail/"
    echo "$s host-build-fail" >> "$out/summary.txt"
    rm -rf "$d"
    continue
  fi
  verdict=ok
  for dev in $devices; do
    DPEX_DEVICE=$dev timeout 300 "$d/run" > "$d/$dev.out" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then continue; fi
    if grep -q "^MISMATCH" "$d/$dev.out"; then kind=mismatch cls=""
    else kind=devfail cls=$(devclass "$d/$dev.out" $rc); fi
    mkdir -p "$out/$kind"
    cp "$d/$p.cpp" "$out/$kind/"
    cp "$d/$dev.out" "$out/$kind/$p.$dev.out"
    verdict="$kind"
    echo "$s $kind $dev rc=$rc $cls" >> "$out/summary.txt"
  done
  [ "$verdict" = ok ] && echo "$s ok" >> "$out/summary.txt"
  rm -rf "$d"
done
end=$(date +%s)
{
  echo "programs: $n (seeds $seed..$last), $((end - start)) s"
  echo "passed: $(grep -c ' ok$' "$out/summary.txt")"
  echo "compile failures by class:"
  grep compile-fail "$out/summary.txt" | awk '{print $3}' | sort | uniq -c
  echo "mismatches: $(grep -c ' mismatch ' "$out/summary.txt")"
  echo "device failures by class: $(grep -c ' devfail ' "$out/summary.txt")"
  grep ' devfail ' "$out/summary.txt" | awk '{print $3, $5}' | sort | uniq -c
  echo "host build failures: $(grep -c 'host-build-fail' "$out/summary.txt")"
} | tee "$out/report.txt"
