#!/usr/bin/env bash
# The dpexc commands of add_dpex_kernel calls (commands/, configured only).
# Their CUDA archs, by precedence: CUDA_ARCHITECTURES or CUDA_ARCH, then
# DPEX_CUDA_ARCHITECTURES, DPEX_KERNEL_CUDA_ARCH, CMAKE_CUDA_ARCHITECTURES,
# else none (dpexc's default); none where TARGETS has no cuda; both
# arguments at once a configure error. The directory's include directories
# reach dpexc, except the compiler's implicit /usr/include.
set -euo pipefail
: "${DPEX_SOURCE_DIR:?}" "${DPEX_WORK_DIR:?}"
src=$DPEX_SOURCE_DIR/test/cmake/commands
work=$DPEX_WORK_DIR
rm -rf "$work"
mkdir -p "$work"
fail() {
  echo "commands_test: $*" >&2
  exit 1
}
configure() { # <build dir> <cmake -D options>...
  local dir=$1
  shift
  cmake -S "$src" -B "$work/$dir" -G Ninja -DDPEX_SOURCE_DIR="$DPEX_SOURCE_DIR" "$@" >"$work/$dir.log" 2>&1
}
# expect <build dir> <kernel> <--cuda-arch=... or "none">
expect() {
  local cmd
  cmd=$(grep -o "COMMAND = .*/$2\.cpp [^&]*" "$work/$1/build.ninja") || fail "$1: no command for $2"
  if [ "$3" = none ]; then
    grep -q -- '--cuda' <<<"$cmd" && fail "$1: $2 has CUDA archs: $cmd"
  else
    grep -q -- " $3 " <<<"$cmd " || fail "$1: $2 lacks $3: $cmd"
  fi
  return 0
}

configure plain
expect plain by_argument --cuda-arch=sm_75
expect plain by_argument "-I$src/extra"
cmd=$(grep -o "COMMAND = .*/by_argument\.cpp [^&]*" "$work/plain/build.ninja")
grep -q -- '-I/usr/include ' <<<"$cmd " && fail "the implicit /usr/include reached dpexc: $cmd"
expect plain by_cuda_arch --cuda-arch=sm_61,sm_53
expect plain by_variables none
expect plain without_cuda none

configure cmake_cuda -DCMAKE_CUDA_ARCHITECTURES=62-virtual
expect cmake_cuda by_variables --cuda-arch=sm_62
expect cmake_cuda by_argument --cuda-arch=sm_75

configure legacy_var -DCMAKE_CUDA_ARCHITECTURES=62 -DDPEX_KERNEL_CUDA_ARCH=sm_52
expect legacy_var by_variables --cuda-arch=sm_52

configure dpex_var -DCMAKE_CUDA_ARCHITECTURES=62 -DDPEX_KERNEL_CUDA_ARCH=sm_52 \
  "-DDPEX_CUDA_ARCHITECTURES=70-virtual;86"
expect dpex_var by_variables --cuda-arch=sm_70,sm_86
expect dpex_var by_cuda_arch --cuda-arch=sm_61,sm_53

configure cmake_off -DCMAKE_CUDA_ARCHITECTURES=OFF
expect cmake_off by_variables none

if configure both -DBOTH=ON; then
  fail "CUDA_ARCH and CUDA_ARCHITECTURES together configured"
fi
grep -q 'give CUDA_ARCHITECTURES or CUDA_ARCH, not both' "$work/both.log" ||
  fail "no message for CUDA_ARCH with CUDA_ARCHITECTURES: $(cat "$work/both.log")"
echo "commands_test: CUDA archs by arguments and variables as documented; include directories without the implicit ones"
