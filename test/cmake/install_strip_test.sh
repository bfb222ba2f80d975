#!/usr/bin/env bash
# The installed dpexc: stripped by a Release install of this build and by
# `cmake --install --strip`, as installed otherwise (debug info kept where
# the build has it), and runnable in each case.
set -euo pipefail
: "${DPEX_BUILD_DIR:?}" "${DPEX_WORK_DIR:?}"
work=$DPEX_WORK_DIR
rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

has_symbols() { readelf -S "$1" | grep -qE '\.symtab|\.debug_info'; }

cmake -DCMAKE_INSTALL_CONFIG_NAME=Release -DCMAKE_INSTALL_PREFIX="$work/release" \
  -P "$DPEX_BUILD_DIR/cmake_install.cmake" >/dev/null
cmake --install "$DPEX_BUILD_DIR" --prefix "$work/strip" --strip >/dev/null
cmake --install "$DPEX_BUILD_DIR" --prefix "$work/plain" >/dev/null
for kind in release strip; do
  if has_symbols "$work/$kind/bin/dpexc"; then
    echo "install_strip_test: the $kind install of dpexc keeps its symbols" >&2
    exit 1
  fi
  "$work/$kind/bin/dpexc" --version >/dev/null
done
if has_symbols "$DPEX_BUILD_DIR/tools/dpexc/dpexc" && ! has_symbols "$work/plain/bin/dpexc"; then
  echo "install_strip_test: a plain install of a build with symbols stripped them" >&2
  exit 1
fi
echo "install_strip_test: dpexc $(stat -c %s "$DPEX_BUILD_DIR/tools/dpexc/dpexc") bytes built," \
  "$(stat -c %s "$work/release/bin/dpexc") installed by a Release install or --strip"
