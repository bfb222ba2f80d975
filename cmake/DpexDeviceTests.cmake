# dpex_add_device_test(<name> [LABELS <label>...] [DEVICES <suffix>...]
#                      COMMAND <command> [args...])
#
# One ctest entry per device a test program must pass on: <name>.pocl
# (PoCL, spir image), <name>.intel (Intel's OpenCL CPU runtime, the SPIR-V
# itself) and <name>.cuda (a CUDA GPU, PTX). Each runs through
# dpex_run_on_device, which selects the device with DPEX_DEVICE, checks that
# every module built there came from the expected image, and exits 77 when the
# device is absent, so ctest reports the entry as skipped, never as passed.
# DEVICES limits the entries to some of the suffixes (default: all).
include_guard(GLOBAL)

# Every test runs with its program cache under the build tree, never in the
# user's ~/.cache, so that results do not depend on HOME or on what earlier
# runs left there. ctest reads this file (which sets its own environment,
# inherited by every test) before the tests of this directory and those
# below it; a test that needs a cache of its own sets DPEX_CACHE_DIR itself.
set(DPEX_TEST_CACHE_DIR ${CMAKE_BINARY_DIR}/test-program-cache)
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/DpexTestEnvironment.cmake
  "set(ENV{DPEX_CACHE_DIR} \"${DPEX_TEST_CACHE_DIR}\")\n")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES
  ${CMAKE_CURRENT_BINARY_DIR}/DpexTestEnvironment.cmake)

set(DPEX_TEST_DEVICES
  "pocl|opencl:pocl|spir"
  "intel|opencl:intel|spirv"
  "cuda|cuda:gpu|ptx")

function(dpex_add_device_test name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "LABELS;DEVICES;COMMAND")
  if(NOT ARG_COMMAND OR ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR
      "dpex_add_device_test(${name} [LABELS ...] [DEVICES ...] COMMAND ...)")
  endif()
  foreach(entry IN LISTS DPEX_TEST_DEVICES)
    string(REPLACE "|" ";" fields "${entry}")
    list(GET fields 0 suffix)
    list(GET fields 1 selector)
    list(GET fields 2 image)
    if(ARG_DEVICES AND NOT suffix IN_LIST ARG_DEVICES)
      continue()
    endif()
    add_test(NAME ${name}.${suffix}
      COMMAND $<TARGET_FILE:dpex_run_on_device> ${selector} ${image}
              ${ARG_COMMAND})
    set_tests_properties(${name}.${suffix} PROPERTIES
      SKIP_RETURN_CODE 77 LABELS "${ARG_LABELS};device-${suffix}")
  endforeach()
endfunction()
