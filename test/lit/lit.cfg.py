# lit configuration for dpex: FileCheck tests over dpexc and dpex-opt.
import os
import sys

import lit.formats

config.name = "dpex"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".ll", ".test"]
config.excludes = ["Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dpex_obj_root, "test", "lit")

tools = {
    "dpexc": os.path.join(config.dpex_tools_dir, "dpexc", "dpexc"),
    "dpex-opt": os.path.join(config.dpex_tools_dir, "dpex-opt", "dpex-opt"),
    "FileCheck": os.path.join(config.llvm_tools_dir, "FileCheck"),
    "not": os.path.join(config.llvm_tools_dir, "not"),
    "count": os.path.join(config.llvm_tools_dir, "count"),
    "split-file": os.path.join(config.llvm_tools_dir, "split-file"),
    "llvm-dis": os.path.join(config.llvm_tools_dir, "llvm-dis"),
    "llvm-as": os.path.join(config.llvm_tools_dir, "llvm-as"),
    "lli": os.path.join(config.llvm_tools_dir, "lli"),
    "spirv-val": config.spirv_val,
    "spirv-dis": config.spirv_dis,
}
# Longest names first, so "dpex-opt" is not rewritten as "dpexc"-something.
for name in sorted(tools, key=len, reverse=True):
    config.substitutions.append((r"\b%s\b" % name.replace("-", r"\-"), tools[name]))
# For tests that parse an output (JSON) rather than pattern-match it.
config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%inputs", os.path.join(config.test_source_root, "Inputs")))
config.substitutions.append(("%dpex_include", os.path.join(config.dpex_src_root, "include")))
# Diagnostics print paths as given on the command line; run from the test's
# directory so %s stays stable.
config.environment["LC_ALL"] = "C"

# The passes' statistics (-stats) and traces (-debug-only) compile in only
# against an LLVM built with assertions; tests of them say REQUIRES: asserts.
if config.llvm_enable_assertions.upper() in ("ON", "1", "TRUE", "YES"):
    config.available_features.add("asserts")

# NVIDIA's CUDA toolkit, where present: libdevice for the PTX image's math,
# ptxas for --cuda-sass. Tests that need them say REQUIRES: libdevice / ptxas.
import shutil
cuda_root = os.environ.get("CUDA_PATH") or "/usr/local/cuda"
libdevice = os.path.join(cuda_root, "nvvm", "libdevice", "libdevice.10.bc")
if os.path.isfile(libdevice):
    config.available_features.add("libdevice")
    config.substitutions.append(("%libdevice", libdevice))
ptxas = shutil.which("ptxas") or os.path.join(cuda_root, "bin", "ptxas")
if os.access(ptxas, os.X_OK):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
