# CUDA_ARCHITECTURES -> dpexc flags, for each form CMake gives it, with and
# without ptxas and GPUs (fake ptxas and nvidia-smi in the work directory),
# and the module's arch lists against dpexc --help.
#   cmake -DDPEX_SOURCE_DIR=... -DDPEXC=... -DWORK_DIR=... -P cuda_architectures_test.cmake
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
# ptxas of CUDA 13: SASS from sm_75.
file(WRITE ${WORK_DIR}/ptxas "#!/bin/sh\necho \"Allowed values for this option:  'compute_75','sm_100','sm_100a','sm_103','sm_110','sm_120','sm_121','sm_75','sm_80','sm_86','sm_87','sm_88','sm_89','sm_90','sm_90a'.\"\n")
file(WRITE ${WORK_DIR}/smi-h100 "#!/bin/sh\necho 9.0\n")
file(WRITE ${WORK_DIR}/smi-mixed "#!/bin/sh\necho 8.7\necho 10.3\n")
file(WRITE ${WORK_DIR}/smi-none "#!/bin/sh\necho 'NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver.' >&2\nexit 9\n")
file(CHMOD ${WORK_DIR}/ptxas ${WORK_DIR}/smi-h100 ${WORK_DIR}/smi-mixed ${WORK_DIR}/smi-none
  PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
set(P ${WORK_DIR}/ptxas)

set(failures 0)
# check(<archs> <ptxas> <nvidia-smi> <regex the output must match>)
function(check archs ptxas smi expected)
  execute_process(
    COMMAND ${CMAKE_COMMAND} -DDPEX_SOURCE_DIR=${DPEX_SOURCE_DIR}
            "-DARCHS=${archs}" "-DPTXAS=${ptxas}" "-DNVIDIA_SMI=${smi}"
            -P ${CMAKE_CURRENT_LIST_DIR}/cuda_architectures_case.cmake
    OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  string(REPLACE "\n" " " all "${out}${err}")
  string(REGEX REPLACE " +" " " all "${all}")
  string(STRIP "${all}" all)
  if(all MATCHES "${expected}")
    message(STATUS "ok: '${archs}' (ptxas: ${ptxas}, nvidia-smi: ${smi})")
  else()
    message(SEND_ERROR "'${archs}' (ptxas: ${ptxas}, nvidia-smi: ${smi}): expected /${expected}/, got:\n${out}${err}")
  endif()
endfunction()

# Plain <arch>: PTX, and SASS where ptxas builds it.
check("80" "${P}" "" "flags: --cuda-arch=sm_80 --cuda-sass --ptxas=${P}$")
check("80" "" "" "flags: --cuda-arch=sm_80$")
check("80-virtual" "${P}" "" "flags: --cuda-arch=sm_80$")
check("80-real" "${P}" "" "flags: --cuda-arch=sm_80 --cuda-sass --ptxas=")
check("80-real" "" "" "an <arch>-real entry asks for SASS, which NVIDIA's ptxas builds, and none was found")
# An arch above sm_86: SASS of its own, PTX of sm_86.
check("80-real;90" "${P}" "" "flags: --cuda-arch=sm_80,sm_86,sm_90 --cuda-sass")
check("90-real" "${P}" "" "flags: --cuda-arch=sm_90 --cuda-sass")
check("90" "" "" "flags: --cuda-arch=sm_86$")
check("90-virtual" "${P}" "" "flags: --cuda-arch=sm_86$")
check("80;90" "" "" "flags: --cuda-arch=sm_80,sm_86$")
# ptxas of CUDA 13 cannot build sm_50: PTX only, or an error where SASS was
# asked for.
check("50;90" "${P}" "" "PTX only: .*cannot build SASS for sm_50.*flags: --cuda-arch=sm_50,sm_86$")
check("50-virtual;90-real" "${P}" "" "dpexc builds SASS for every arch of the list once one entry asks for it, and .* cannot build sm_50")
# all / all-major: every arch dpexc and ptxas support.
check("all" "${P}" "" "flags: --cuda-arch=sm_75,sm_80,sm_86,sm_89,sm_90,sm_100,sm_120 --cuda-sass")
check("all" "" "" "flags: --cuda-arch=sm_50,sm_52,sm_53,sm_60,sm_61,sm_62,sm_70,sm_72,sm_75,sm_80,sm_86$")
check("all-major" "${P}" "" "flags: --cuda-arch=sm_80,sm_86,sm_90,sm_100,sm_120 --cuda-sass")
check("all-major" "" "" "flags: --cuda-arch=sm_50,sm_60,sm_70,sm_80$")
# native: the GPUs' archs (the newest dpexc knows at or below each), else
# dpexc's default with a warning.
check("native" "${P}" "${WORK_DIR}/smi-h100" "native: this machine's GPUs -> 90.*flags: --cuda-arch=sm_86,sm_90 --cuda-sass")
check("native" "" "${WORK_DIR}/smi-mixed" "native: this machine's GPUs -> 86 100.*flags: --cuda-arch=sm_86$")
check("native" "" "" "native: no NVIDIA GPU found \\(nvidia-smi not found\\); building dpexc's default archs instead, sm_50 and sm_80 PTX.*flags: --cuda-arch=sm_50,sm_80$")
check("native" "${P}" "${WORK_DIR}/smi-none" "native: no NVIDIA GPU found \\(nvidia-smi --query-gpu=compute_cap reported no GPU: NVIDIA-SMI has failed")
# This machine, whichever it is: its GPUs or the documented fallback.
check("native" "" "real" "native: (this machine's GPUs -> [0-9]|no NVIDIA GPU found .*dpexc's default archs)")
# Not a CUDA arch, or one dpexc does not build.
check("87" "${P}" "" "CUDA_ARCHITECTURES '87': dpexc builds PTX and SASS for 50 52 53 60 61 62 70 72 75 80 86 and SASS only for 89 90 100 120")
check("sm_80" "" "" "CUDA_ARCHITECTURES 'sm_80' is not a CUDA architecture: expected <arch>, <arch>-real, <arch>-virtual, native, all or all-major")
check("80-reel" "" "" "CUDA_ARCHITECTURES '80-reel' is not a CUDA architecture")

# The module's PTX archs are dpexc's.
include(${DPEX_SOURCE_DIR}/cmake/AddDpexKernel.cmake)
_dpex_cuda_arch_lists()
execute_process(COMMAND ${DPEXC} --help OUTPUT_VARIABLE help)
string(REGEX MATCH "PTX and SASS: ([sm_0-9,]+)" _ "${help}")
set(module_list ${_DPEX_PTX_ARCHS})
list(TRANSFORM module_list PREPEND "sm_")
list(JOIN module_list "," module_list)
if(NOT CMAKE_MATCH_1 STREQUAL module_list)
  message(SEND_ERROR "AddDpexKernel.cmake's PTX archs (${module_list}) are not dpexc's (${CMAKE_MATCH_1})")
else()
  message(STATUS "ok: the PTX archs are dpexc's: ${module_list}")
endif()
