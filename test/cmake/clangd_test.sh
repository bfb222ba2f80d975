#!/usr/bin/env bash
# clangd (15, the Clang of dpexc) over the kernel sources and the device
# library of the project that project_test.sh built, with the compile
# commands add_dpex_kernel's _ide targets exported: no diagnostic may be an
# error. Exits 77 (skipped) without clangd-15.
set -uo pipefail
: "${DPEX_WORK_DIR:?}"
clangd=${DPEX_CLANGD:-clangd-15}
command -v "$clangd" >/dev/null || {
  echo "clangd_test: $clangd not found (scripts/setup.sh installs it); skipped"
  exit 77
}
status=0
for src in a/k.cpp b/k.cpp c/twice.cpp devlib/poly.cpp; do
  log=$("$clangd" --check="$DPEX_WORK_DIR/project/$src" \
    --compile-commands-dir="$DPEX_WORK_DIR/build" 2>&1)
  if [ $? -ne 0 ] || ! grep -q 'All checks completed, 0 errors' <<<"$log"; then
    echo "clangd_test: $src has errors:" >&2
    grep -E '^E\[|errors' <<<"$log" >&2
    status=1
  else
    echo "clangd_test: $src: 0 errors"
  fi
done
exit $status
