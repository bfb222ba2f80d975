# add_dpex_kernel(<name> SOURCES <src>...
#                 [TARGETS spirv spir cuda] [CUDA_ARCH sm_50 sm_80 ...]
#                 [OPTIONS <dpexc flags>...] [INCLUDE_DIRECTORIES <dir>...]
#                 [DEVICE_LIBS <file.bc>...])
#
# Compiles each kernel source with dpexc into its own module and stub
# (<binary dir>/<name>/<stem>.dpex.{hpp,cpp}), and makes <name> a static
# library holding the stubs and linking dpex::runtime. Host code includes
# "<stem>.dpex.hpp". Each source has its own depfile, so editing a header
# rebuilds only the stubs of the sources that include it.
#
# TARGETS: the device images each stub embeds. Without it, the cache
# variable DPEX_KERNEL_TARGETS; if that is empty too, dpexc's default,
# spirv spir cuda: one library for OpenCL and CUDA devices alike.
# CUDA_ARCH: the archs of the cuda (PTX) images, one image each; the runtime
# loads the highest one the GPU runs. Without it, DPEX_KERNEL_CUDA_ARCH; if
# that is empty too, dpexc's default, sm_50 sm_80 (see docs/cuda.md).
#
# A generated header includes the headers of structs passed by value as the
# kernel source reaches them: through INCLUDE_DIRECTORIES or from the
# source's directory. <name> carries both as include directories, so host
# code compiles the stub from any build directory.
include_guard(GLOBAL)

set(DPEX_KERNEL_TARGETS "" CACHE STRING
  "Device images for add_dpex_kernel calls without TARGETS (e.g. spirv;spir); empty: dpexc's default, spirv;spir;cuda")
set(DPEX_KERNEL_CUDA_ARCH "" CACHE STRING
  "PTX archs for add_dpex_kernel calls without CUDA_ARCH (e.g. sm_60;sm_86); empty: dpexc's default, sm_50;sm_80")

function(_dpex_find_compiler out_var)
  if(TARGET dpexc)
    set(${out_var} $<TARGET_FILE:dpexc> PARENT_SCOPE)
  elseif(TARGET dpex::dpexc)
    set(${out_var} $<TARGET_FILE:dpex::dpexc> PARENT_SCOPE)
  else()
    message(FATAL_ERROR "add_dpex_kernel: dpexc not found (find_package(dpex) or add_subdirectory the dpex source tree first)")
  endif()
endfunction()

function(add_dpex_kernel name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG ""
    "" "SOURCES;TARGETS;CUDA_ARCH;OPTIONS;INCLUDE_DIRECTORIES;DEVICE_LIBS")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "add_dpex_kernel(${name}): SOURCES is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "add_dpex_kernel(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  _dpex_find_compiler(dpexc)

  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/${name})
  file(MAKE_DIRECTORY ${out_dir})
  set(flags ${ARG_OPTIONS})
  if(NOT ARG_TARGETS)
    set(ARG_TARGETS ${DPEX_KERNEL_TARGETS})
  endif()
  if(ARG_TARGETS)
    list(JOIN ARG_TARGETS "," targets)
    list(APPEND flags --targets=${targets})
  endif()
  if(NOT ARG_CUDA_ARCH)
    set(ARG_CUDA_ARCH ${DPEX_KERNEL_CUDA_ARCH})
  endif()
  if(ARG_CUDA_ARCH)
    list(JOIN ARG_CUDA_ARCH "," archs)
    list(APPEND flags --cuda-arch=${archs})
  endif()
  set(include_dirs)
  foreach(dir IN LISTS ARG_INCLUDE_DIRECTORIES)
    get_filename_component(dir ${dir} ABSOLUTE)
    list(APPEND flags -I ${dir})
    list(APPEND include_dirs ${dir})
  endforeach()
  set(libs)
  foreach(lib IN LISTS ARG_DEVICE_LIBS)
    get_filename_component(lib ${lib} ABSOLUTE)
    list(APPEND flags --device-lib ${lib})
    list(APPEND libs ${lib})
  endforeach()

  set(stubs)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(src ${src} ABSOLUTE)
    get_filename_component(stem ${src} NAME_WE)
    get_filename_component(src_dir ${src} DIRECTORY)
    list(APPEND include_dirs ${src_dir})
    set(prefix ${out_dir}/${stem})
    add_custom_command(
      # Ninja matches the depfile's first target against the first output.
      OUTPUT ${prefix}.spv ${prefix}.dpex.hpp ${prefix}.dpex.cpp
      COMMAND ${dpexc} ${src} -o ${prefix} ${flags} -MD -MF ${prefix}.d
      DEPENDS ${src} ${libs} ${dpexc}
      DEPFILE ${prefix}.d
      COMMENT "dpexc ${stem}"
      VERBATIM)
    list(APPEND stubs ${prefix}.dpex.cpp)
  endforeach()

  add_library(${name} STATIC ${stubs})
  list(REMOVE_DUPLICATES include_dirs)
  # After the stubs' own directory; the headers that define by-value structs
  # are found as the kernel source found them.
  target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${out_dir}>)
  foreach(dir IN LISTS include_dirs)
    target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${dir}>)
  endforeach()
  target_link_libraries(${name} PUBLIC dpex::runtime)
  target_compile_features(${name} PUBLIC cxx_std_17)
endfunction()
