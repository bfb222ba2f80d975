// A kernel source name for arch_defaults/CMakeLists.txt; never compiled.
