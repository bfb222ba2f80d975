// A kernel source name for commands/CMakeLists.txt; never compiled.
