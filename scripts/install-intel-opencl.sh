#!/usr/bin/env bash
# Installs Intel's OpenCL CPU runtime from PyPI and registers it the way a
# vendor driver is registered, so every OpenCL program on the machine sees it
# (docs/devices.md):
#   - the wheels go into one prefix, /opt/intel-opencl-rt by default: the
#     runtime, the TBB it needs (libtbb.so.12) and Intel's compiler runtime
#     (libimf, libsvml, libirng, libintlc). libintelocl.so finds them through
#     its own RUNPATH ($ORIGIN), so nothing goes on LD_LIBRARY_PATH;
#   - an ICD file, /etc/OpenCL/vendors/intel-cpu.icd, names libintelocl.so by
#     absolute path (the wheel's own .icd file holds a placeholder path).
# The prefix is deliberately not added to ld.so.conf: the wheel also ships an
# ICD loader (libOpenCL.so.1) that would shadow the system's.
# Idempotent: does nothing when the pinned version is already registered.
set -euo pipefail

prefix=${DPEX_INTEL_OPENCL_PREFIX:-/opt/intel-opencl-rt}
vendors=/etc/OpenCL/vendors
icd=$vendors/intel-cpu.icd
library=$prefix/lib/libintelocl.so
# Pinned together: intel-opencl-rt 2026.2.0 requires tbb 2023.* and the
# 2026.* compiler runtime.
pins=(
  intel-opencl-rt==2026.2.0
  intel-cmplr-lib-rt==2026.2.0
  intel-cmplr-lic-rt==2026.2.0
  tbb==2023.2.0
  tcmlib==1.6.0
)
stamp=$prefix/.dpex-installed

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${pins[*]}" ] &&
   [ -f "$library" ] && [ "$(cat "$icd" 2>/dev/null)" = "$library" ]; then
  exit 0
fi

python=$(command -v python3)
if ! "$python" -m pip --version >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-pip >/dev/null
fi
echo "dpex setup: installing ${pins[*]} into $prefix" >&2
# The wheels go into their own prefix, never into the interpreter's
# site-packages, so a distribution's "externally managed" guard does not
# apply (pip >= 23 reads this variable; older ones have no such guard).
PIP_BREAK_SYSTEM_PACKAGES=1 \
"$python" -m pip install --quiet --disable-pip-version-check --no-cache-dir \
  --no-warn-script-location --root-user-action=ignore \
  --prefix "$prefix" "${pins[@]}"
[ -f "$library" ] || { echo "dpex setup: $library missing after pip install" >&2; exit 1; }
if ldd "$library" | grep -q 'not found'; then
  echo "dpex setup: $library has unresolved libraries:" >&2
  ldd "$library" | grep 'not found' >&2
  exit 1
fi

mkdir -p "$vendors"
tmp=$(mktemp "$vendors/.intel-cpu.icd.XXXXXX")
echo "$library" > "$tmp"
chmod 0644 "$tmp"
mv "$tmp" "$icd"
echo "${pins[*]}" > "$stamp"
