# cmake -DDPEX_LS=<dpex-ls> -DMODE=<listing|pocl|sim> [-DCLINFO=<clinfo>]
#       -P CheckDpexLs.cmake
#
# Runs dpex-ls in the environment ctest gives it and checks its listing:
#   listing  every device `clinfo -l` lists is there, with its platform, and
#            exactly one is marked as the default, with a reason;
#   pocl     (DPEX_DEVICE=opencl:pocl) the default mark is on PoCL's device,
#            for that reason; prints "SKIP:" where clinfo lists no PoCL;
#   sim      (on the simulated CUDA driver) the first CUDA device is the
#            default, CUDA GPU first, with the driver's version and limits.
cmake_minimum_required(VERSION 3.20)

execute_process(COMMAND ${DPEX_LS} RESULT_VARIABLE status
  OUTPUT_VARIABLE listing ERROR_VARIABLE errors)
message("${listing}${errors}")
if(NOT status EQUAL 0)
  message(FATAL_ERROR "dpex-ls exited with ${status}")
endif()

# The default device's block: its header line and the indented lines after.
# Semicolons (in reasons) stand in for something else while the listing is a
# CMake list of lines.
string(REPLACE ";" "<semicolon>" lines "${listing}")
string(REPLACE "\n" ";" lines "${lines}")
set(marked 0)
set(block "")
set(inDefault FALSE)
foreach(line IN LISTS lines)
  if(line MATCHES "^\\[")
    set(inDefault FALSE)
    if(line MATCHES "  \\(default\\)$")
      math(EXPR marked "${marked} + 1")
      set(inDefault TRUE)
    endif()
  elseif(NOT line MATCHES "^    ")
    set(inDefault FALSE)
  endif()
  if(inDefault)
    string(APPEND block "${line}\n")
  endif()
endforeach()
string(REPLACE "<semicolon>" ";" block "${block}")
if(NOT marked EQUAL 1)
  message(FATAL_ERROR "${marked} devices marked (default), not one")
endif()
if(NOT block MATCHES "\n    default: [^\n]+")
  message(FATAL_ERROR "the default device's reason is missing")
endif()

function(require text pattern what)
  if(NOT text MATCHES "${pattern}")
    message(FATAL_ERROR "${what}: no match for '${pattern}'")
  endif()
endfunction()

# `clinfo -l` as platform;device pairs ("Intel(R) OpenCL|AMD EPYC").
set(clDevices "")
if(CLINFO)
  execute_process(COMMAND ${CLINFO} -l OUTPUT_VARIABLE clinfo
    RESULT_VARIABLE clStatus ERROR_QUIET)
  string(REPLACE "\n" ";" clLines "${clinfo}")
  foreach(line IN LISTS clLines)
    if(line MATCHES "^Platform #[0-9]+: (.*)$")
      set(platform "${CMAKE_MATCH_1}")
    elseif(line MATCHES "-- Device #[0-9]+: (.*)$")
      list(APPEND clDevices "${platform}|${CMAKE_MATCH_1}")
    endif()
  endforeach()
endif()

if(MODE STREQUAL "listing")
  if(NOT clDevices)
    message(FATAL_ERROR "clinfo -l lists no OpenCL device to compare with")
  endif()
  foreach(entry IN LISTS clDevices)
    string(REPLACE "|" ";" fields "${entry}")
    list(GET fields 0 platform)
    list(GET fields 1 name)
    string(REGEX REPLACE "([][()+.*?^$|\\\\])" "\\\\\\1" platform "${platform}")
    string(REGEX REPLACE "([][()+.*?^$|\\\\])" "\\\\\\1" name "${name}")
    require("${listing}"
      "\\[opencl:[0-9]+\\] [a-z]+ '${name}'[^\n]*\n    platform ${platform},"
      "clinfo's '${entry}'")
  endforeach()
elseif(MODE STREQUAL "pocl")
  if(NOT clDevices MATCHES "Portable Computing Language")
    message("SKIP: clinfo -l lists no PoCL device")
    return()
  endif()
  require("${block}" "\n    platform Portable Computing Language,"
    "the default device")
  require("${block}" "\n    default: DPEX_DEVICE='opencl:pocl'\n"
    "the default's reason")
elseif(MODE STREQUAL "sim")
  require("${block}" "^\\[cuda:0\\] gpu 'dpex simulated CUDA device'"
    "the default device")
  require("${block}" "\n    platform NVIDIA CUDA, driver 12\\.4\n"
    "its driver")
  require("${block}" "\n    select   DPEX_DEVICE=cuda:[a-z]+\n" "its selector")
  require("${block}" "\n    image    cubin sm_80 [^\n]* ptx [^\n]*sm_80\n"
    "its image")
  require("${block}"
    "\n    limits   work-group 1024, local memory 163 KiB, compute units 108, sub-groups 32\n"
    "its limits")
  require("${block}" "\n    default: CUDA GPU first\n" "the default's reason")
  require("${listing}" "\n\\[cuda:1\\] gpu [^\n]*\n[^\n]*\n    select   DPEX_DEVICE=cuda:gpu:1\n"
    "the second device")
else()
  message(FATAL_ERROR "MODE=${MODE}: not listing, pocl or sim")
endif()
