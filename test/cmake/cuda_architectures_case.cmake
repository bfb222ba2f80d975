# One CUDA_ARCHITECTURES case, run by cuda_architectures_test.cmake:
#   cmake -DDPEX_SOURCE_DIR=... -DARCHS=<list> -DPTXAS=<file or empty>
#         -DNVIDIA_SMI=<file, empty, or "real"> -P cuda_architectures_case.cmake
# prints "flags: <dpexc flags>" or stops at the module's FATAL_ERROR.
include(${DPEX_SOURCE_DIR}/cmake/AddDpexKernel.cmake)
if(PTXAS)
  set(DPEX_PTXAS ${PTXAS})
else()
  set(DPEX_PTXAS DPEX_PTXAS-NOTFOUND)
endif()
if(NOT NVIDIA_SMI STREQUAL "real")
  if(NVIDIA_SMI)
    set(DPEX_NVIDIA_SMI ${NVIDIA_SMI})
  else()
    set(DPEX_NVIDIA_SMI DPEX_NVIDIA_SMI-NOTFOUND)
  endif()
endif()
_dpex_cuda_architecture_flags(flags "add_dpex_kernel(k)" ${ARCHS})
list(JOIN flags " " flags)
message("flags: ${flags}")
