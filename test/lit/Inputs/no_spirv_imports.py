# no_spirv_imports.py <file.spvasm>: fails, naming them, if the module
# imports anything but the built-in variables (__spirv_BuiltIn*), which
# every consumer provides.
import sys

imports = [line.strip() for line in open(sys.argv[1])
           if "LinkageAttributes" in line and line.rstrip().endswith("Import")
           and '"__spirv_BuiltIn' not in line]
for line in imports:
    print("imported:", line)
sys.exit(1 if imports else 0)
