#!/usr/bin/env bash
# Installs the dpex build, builds test/cmake/project against it with
# find_package(dpex), then checks what the build left: the stub headers of
# a/k.cpp and b/k.cpp apart, twice.dpex.hpp by its file name, the kernel
# sources in compile_commands.json for editors, and which dpexc commands a
# changed device library or header re-runs. The ctest entries
# cmake.project.<device> run the program; cmake.clangd reads its
# compile_commands.json.
set -euo pipefail
: "${DPEX_BUILD_DIR:?}" "${DPEX_PROJECT_DIR:?}" "${DPEX_WORK_DIR:?}"
work=$DPEX_WORK_DIR
rm -rf "$work"
mkdir -p "$work"

cmake --install "$DPEX_BUILD_DIR" --prefix "$work/prefix" >/dev/null
cp -r "$DPEX_PROJECT_DIR" "$work/project"
cmake -S "$work/project" -B "$work/build" -G Ninja \
  -DCMAKE_PREFIX_PATH="$work/prefix" | grep -E 'dpex|CUDA' || true
cmake --build "$work/build" >"$work/build.log" 2>&1 || {
  cat "$work/build.log" >&2
  exit 1
}

fail() {
  echo "project_test: $*" >&2
  exit 1
}
out=$work/build/cmake_kernels
for header in a/k b/k c/twice; do
  [ -f "$out/$header.dpex.hpp" ] || fail "no $out/$header.dpex.hpp"
done
grep -q 'namespace a' "$out/a/k.dpex.hpp" || fail "a/k.dpex.hpp is not a/k.cpp's"
grep -q 'namespace b' "$out/b/k.dpex.hpp" || fail "b/k.dpex.hpp is not b/k.cpp's"
[ -e "$out/k.dpex.hpp" ] && fail "k.dpex.hpp exists, though two sources have the stem k"
grep -q '#include "c/twice.dpex.hpp"' "$out/twice.dpex.hpp" ||
  fail "twice.dpex.hpp does not lead to c/twice.dpex.hpp"

# The project does not set CMAKE_EXPORT_COMPILE_COMMANDS; the _ide targets
# export their own entries, and only those.
db=$work/build/compile_commands.json
for src in a/k.cpp b/k.cpp c/twice.cpp devlib/poly.cpp; do
  python3 - "$db" "$work/project/$src" <<'PY' || fail "compile_commands.json has no editor entry for $src"
import json, sys
entries = [e for e in json.load(open(sys.argv[1])) if e["file"] == sys.argv[2]]
assert len(entries) == 1, entries
assert "-D__DPEX_IDE__" in entries[0]["command"], entries[0]["command"]
PY
done

# Ninja's explain log names every edge it re-runs.
rebuilt() {
  sleep 1
  touch "$work/project/$1"
  cmake --build "$work/build" -- -d explain 2>&1
}
log=$(rebuilt devlib/poly_impl.hpp)
for step in 'dpexc device library poly' 'dpexc a/k' 'dpexc b/k' 'dpexc c/twice'; do
  grep -q "$step" <<<"$log" || fail "touching devlib/poly_impl.hpp did not run '$step':
$log"
done
log=$(rebuilt common/scale.hpp)
grep -q 'dpexc a/k' <<<"$log" && grep -q 'dpexc b/k' <<<"$log" ||
  fail "touching common/scale.hpp did not re-run dpexc for a/k and b/k:
$log"
grep -q 'dpexc c/twice\|dpexc device library' <<<"$log" &&
  fail "touching common/scale.hpp re-ran dpexc for a source that does not include it:
$log"
echo "project_test: built; stub headers apart; editor entries; rebuilds as the depfiles and the device library say"
