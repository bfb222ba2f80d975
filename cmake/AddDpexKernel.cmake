# add_dpex_kernel(<name> SOURCES <src>...
#                 [TARGETS spirv spir cuda]
#                 [CUDA_ARCHITECTURES <arch>...] | [CUDA_ARCH sm_50 sm_80 ...]
#                 [OPTIONS <dpexc flags>...] [INCLUDE_DIRECTORIES <dir>...]
#                 [DEVICE_LIBS <device library target or file.bc>...])
# add_dpex_device_library(<name> SOURCES <src>...
#                         [OPTIONS <dpexc flags>...]
#                         [INCLUDE_DIRECTORIES <dir>...])
#
# add_dpex_kernel compiles each kernel source with dpexc into its own module
# and stub, and makes <name> a static library holding the stubs and linking
# dpex::runtime. docs/cmake.md is the reference; in short:
#
# - The outputs of <dir>/<stem>.cpp (<dir> relative to the current source
#   directory) are <binary dir>/<name>/<dir>/<stem>.dpex.{hpp,cpp}: host code
#   includes "<dir>/<stem>.dpex.hpp", or "<stem>.dpex.hpp" where no other
#   source of <name> has that stem.
# - dpexc gets the -I and -D of <name>'s INCLUDE_DIRECTORIES and
#   COMPILE_DEFINITIONS (include_directories, add_compile_definitions,
#   target_include_directories(<name> ...), target_compile_definitions(<name>
#   ...), generator expressions included) after INCLUDE_DIRECTORIES, then
#   DPEX_KERNEL_OPTIONS, then OPTIONS.
# - CUDA_ARCHITECTURES takes CMake's forms (80, 80-real, 80-virtual, native,
#   all, all-major) and becomes --cuda-arch / --cuda-sass; CUDA_ARCH keeps
#   the dpexc spelling. Each source has its own depfile.
# - <name>_ide, an object library outside ALL, puts the kernel sources in
#   compile_commands.json with -D__DPEX_IDE__ for clangd and other editors.
#
# add_dpex_device_library makes <name> a target building <name>.bc
# (dpexc --emit=device-lib); DEVICE_LIBS <name> links it and rebuilds the
# kernels when it changes.
include_guard(GLOBAL)
# The policies these functions are written for, whatever the including
# project asks (include() scopes them to this file).
cmake_policy(VERSION 3.20)

set(DPEX_KERNEL_TARGETS "" CACHE STRING
  "Device images for add_dpex_kernel calls without TARGETS (e.g. spirv;spir); empty: dpexc's default, spirv;spir;cuda")
set(DPEX_CUDA_ARCHITECTURES "" CACHE STRING
  "CUDA archs for add_dpex_kernel calls without CUDA_ARCHITECTURES, in CMake's forms (80;90-real, native, all-major); empty: CMAKE_CUDA_ARCHITECTURES, else dpexc's default, sm_50;sm_80")
set(DPEX_KERNEL_CUDA_ARCH "" CACHE STRING
  "PTX archs in dpexc's spelling (sm_60;sm_86), used where neither CUDA_ARCHITECTURES nor DPEX_CUDA_ARCHITECTURES is given")
set(DPEX_KERNEL_OPTIONS "" CACHE STRING
  "dpexc options for every add_dpex_kernel and add_dpex_device_library, before their own OPTIONS")
option(DPEX_KERNEL_IDE_TARGETS
  "Give each add_dpex_kernel an object library <name>_ide, outside ALL, that lists its sources in compile_commands.json for editors" ON)
# The same search order as dpexc's own: PATH, $CUDA_PATH/bin, /usr/local/cuda/bin.
find_program(DPEX_PTXAS ptxas PATHS ENV CUDA_PATH /usr/local/cuda PATH_SUFFIXES bin
  DOC "NVIDIA's ptxas, for the SASS that CUDA_ARCHITECTURES asks for (80-real, or 80 where ptxas exists)")

# The archs dpexc accepts (lib/Targets/NVPTX/CudaArch.cpp, `dpexc --help`): PTX and
# SASS for the first list, SASS only (from the sm_86 PTX, with --cuda-sass)
# for the second. test/cmake checks them against dpexc --help. A macro, not
# variables of the including directory, which include_guard would leave
# unset in a second directory that finds the package.
macro(_dpex_cuda_arch_lists)
  set(_DPEX_PTX_ARCHS 50 52 53 60 61 62 70 72 75 80 86)
  set(_DPEX_SASS_ONLY_ARCHS 89 90 100 120)
  set(_DPEX_NEWEST_PTX_ARCH 86)
endmacro()

function(_dpex_find_compiler out_var)
  if(TARGET dpexc)
    set(${out_var} $<TARGET_FILE:dpexc> PARENT_SCOPE)
  elseif(TARGET dpex::dpexc)
    set(${out_var} $<TARGET_FILE:dpex::dpexc> PARENT_SCOPE)
  else()
    message(FATAL_ERROR "add_dpex_kernel: dpexc not found (find_package(dpex) or add_subdirectory the dpex source tree first)")
  endif()
endfunction()

# The archs (numbers) the found ptxas builds SASS for, from its --help;
# empty without ptxas.
function(_dpex_ptxas_archs out_var)
  if(NOT DPEX_PTXAS)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  get_property(known GLOBAL PROPERTY _DPEX_PTXAS_ARCHS_${DPEX_PTXAS} SET)
  if(NOT known)
    execute_process(COMMAND ${DPEX_PTXAS} --help
      OUTPUT_VARIABLE help ERROR_QUIET RESULT_VARIABLE rc)
    set(archs)
    if(rc EQUAL 0)
      string(REGEX MATCHALL "'sm_[0-9]+'" names "${help}")
      foreach(n IN LISTS names)
        string(REGEX REPLACE "'sm_([0-9]+)'" "\\1" n "${n}")
        list(APPEND archs ${n})
      endforeach()
      list(REMOVE_DUPLICATES archs)
    endif()
    set_property(GLOBAL PROPERTY _DPEX_PTXAS_ARCHS_${DPEX_PTXAS} "${archs}")
  endif()
  get_property(archs GLOBAL PROPERTY _DPEX_PTXAS_ARCHS_${DPEX_PTXAS})
  set(${out_var} "${archs}" PARENT_SCOPE)
endfunction()

# The compute capabilities of this machine's NVIDIA GPUs as arch numbers
# (nvidia-smi), each mapped to the newest arch dpexc knows that is not
# above it; empty with the reason in <why_var> where there is none.
function(_dpex_native_archs out_var why_var)
  _dpex_cuda_arch_lists()
  get_property(done GLOBAL PROPERTY _DPEX_NATIVE_ARCHS SET)
  if(NOT done)
    find_program(DPEX_NVIDIA_SMI nvidia-smi DOC "nvidia-smi, for CUDA_ARCHITECTURES native")
    set(archs)
    set(why "")
    if(NOT DPEX_NVIDIA_SMI)
      set(why "nvidia-smi not found")
    else()
      execute_process(
        COMMAND ${DPEX_NVIDIA_SMI} --query-gpu=compute_cap --format=csv,noheader
        OUTPUT_VARIABLE caps ERROR_VARIABLE err RESULT_VARIABLE rc)
      string(REGEX MATCHALL "[0-9]+\\.[0-9]+" caps "${caps}")
      if(NOT rc EQUAL 0 OR NOT caps)
        string(STRIP "${err}" err)
        set(why "nvidia-smi --query-gpu=compute_cap reported no GPU: ${err}")
      endif()
      set(all_known ${_DPEX_PTX_ARCHS} ${_DPEX_SASS_ONLY_ARCHS})
      foreach(cap IN LISTS caps)
        string(REPLACE "." "" cap "${cap}")
        set(best "")
        foreach(a IN LISTS all_known)
          if(NOT a GREATER cap)
            set(best ${a})
          endif()
        endforeach()
        if(best)
          list(APPEND archs ${best})
        endif()
      endforeach()
      list(REMOVE_DUPLICATES archs)
      if(caps AND NOT archs)
        set(why "the GPUs' compute capabilities (${caps}) are older than sm_50")
      endif()
    endif()
    set_property(GLOBAL PROPERTY _DPEX_NATIVE_ARCHS "${archs}")
    set_property(GLOBAL PROPERTY _DPEX_NATIVE_WHY "${why}")
  endif()
  get_property(archs GLOBAL PROPERTY _DPEX_NATIVE_ARCHS)
  get_property(why GLOBAL PROPERTY _DPEX_NATIVE_WHY)
  set(${out_var} "${archs}" PARENT_SCOPE)
  set(${why_var} "${why}" PARENT_SCOPE)
endfunction()

# _dpex_cuda_architecture_flags(<out_var> <caller> <entry>...): dpexc's
# --cuda-arch / --cuda-sass / --ptxas for CMake-style CUDA_ARCHITECTURES
# entries; empty for dpexc's default archs.
function(_dpex_cuda_architecture_flags out_var caller)
  _dpex_cuda_arch_lists()
  set(all_known ${_DPEX_PTX_ARCHS} ${_DPEX_SASS_ONLY_ARCHS})
  list(JOIN _DPEX_PTX_ARCHS " " ptx_list)
  list(JOIN _DPEX_SASS_ONLY_ARCHS " " sass_only_list)
  _dpex_ptxas_archs(ptxas_archs)

  # <arch>|<kind>, kind: both (PTX and SASS where ptxas builds it), real
  # (SASS), virtual (PTX).
  set(entries)
  foreach(e IN LISTS ARGN)
    if(e STREQUAL "native")
      _dpex_native_archs(native why)
      if(native)
        list(JOIN native " " shown)
        message(STATUS "${caller}: CUDA_ARCHITECTURES native: this machine's GPUs -> ${shown}")
        foreach(a IN LISTS native)
          list(APPEND entries "${a}|both")
        endforeach()
      else()
        get_property(warned GLOBAL PROPERTY _DPEX_NATIVE_WARNED)
        if(NOT warned)
          message(WARNING "${caller}: CUDA_ARCHITECTURES native: no NVIDIA GPU found (${why}); building dpexc's default archs instead, sm_50 and sm_80 PTX, which every GPU of a CUDA 12 or 13 driver loads")
          set_property(GLOBAL PROPERTY _DPEX_NATIVE_WARNED TRUE)
        endif()
        list(APPEND entries "50|virtual" "80|virtual")
      endif()
    elseif(e STREQUAL "all" OR e STREQUAL "all-major")
      # As CMake's: every arch that dpexc and, where found, ptxas support.
      foreach(a IN LISTS all_known)
        math(EXPR minor "${a} % 10")
        if(e STREQUAL "all-major" AND NOT minor EQUAL 0)
          continue()
        endif()
        if(ptxas_archs AND NOT a IN_LIST ptxas_archs)
          continue()
        endif()
        if(NOT ptxas_archs AND NOT a IN_LIST _DPEX_PTX_ARCHS)
          continue()
        endif()
        list(APPEND entries "${a}|both")
      endforeach()
    elseif(e MATCHES "^([0-9]+)(-real|-virtual)?$")
      set(a ${CMAKE_MATCH_1})
      if(CMAKE_MATCH_2 STREQUAL "-real")
        set(kind real)
      elseif(CMAKE_MATCH_2 STREQUAL "-virtual")
        set(kind virtual)
      else()
        set(kind both)
      endif()
      if(NOT a IN_LIST all_known)
        message(FATAL_ERROR "${caller}: CUDA_ARCHITECTURES '${e}': dpexc builds PTX and SASS for ${ptx_list} and SASS only for ${sass_only_list} (docs/cuda.md)")
      endif()
      list(APPEND entries "${a}|${kind}")
    else()
      message(FATAL_ERROR "${caller}: CUDA_ARCHITECTURES '${e}' is not a CUDA architecture: expected <arch>, <arch>-real, <arch>-virtual, native, all or all-major, as in 80;90-real")
    endif()
  endforeach()

  set(has_real FALSE)
  set(has_both FALSE)
  foreach(entry IN LISTS entries)
    if(entry MATCHES "\\|real$")
      set(has_real TRUE)
    elseif(entry MATCHES "\\|both$")
      set(has_both TRUE)
    endif()
  endforeach()
  if(has_real AND NOT DPEX_PTXAS)
    message(FATAL_ERROR "${caller}: CUDA_ARCHITECTURES ${ARGN}: an <arch>-real entry asks for SASS, which NVIDIA's ptxas builds, and none was found (PATH, $CUDA_PATH/bin, /usr/local/cuda/bin). Install the CUDA toolkit, set DPEX_PTXAS, or ask for PTX with <arch> or <arch>-virtual")
  endif()

  # dpexc builds SASS for every --cuda-arch or for none. An arch above
  # sm_86 has no PTX of its own: its PTX is sm_86's, which the driver
  # JIT-compiles for it.
  set(sass FALSE)
  if(has_real OR (has_both AND DPEX_PTXAS))
    set(sass TRUE)
  endif()
  foreach(pass IN ITEMS 1 2)
    set(archs)
    foreach(entry IN LISTS entries)
      string(REPLACE "|" ";" entry "${entry}")
      list(GET entry 0 a)
      list(GET entry 1 kind)
      if(a IN_LIST _DPEX_PTX_ARCHS)
        list(APPEND archs ${a})
      else()
        if(NOT kind STREQUAL "virtual" AND sass)
          list(APPEND archs ${a})
        endif()
        if(NOT kind STREQUAL "real")
          list(APPEND archs ${_DPEX_NEWEST_PTX_ARCH})
        endif()
      endif()
    endforeach()
    list(REMOVE_DUPLICATES archs)
    list(SORT archs COMPARE NATURAL)
    set(unbuildable)
    if(sass)
      foreach(a IN LISTS archs)
        if(NOT a IN_LIST ptxas_archs)
          list(APPEND unbuildable sm_${a})
        endif()
      endforeach()
    endif()
    if(NOT unbuildable)
      break()
    endif()
    list(JOIN ptxas_archs " " can)
    if(has_real)
      message(FATAL_ERROR "${caller}: CUDA_ARCHITECTURES ${ARGN}: dpexc builds SASS for every arch of the list once one entry asks for it, and ${DPEX_PTXAS} cannot build ${unbuildable} (it builds ${can}). Drop those archs or the -real entries")
    endif()
    message(STATUS "${caller}: CUDA_ARCHITECTURES ${ARGN}: PTX only: ${DPEX_PTXAS} cannot build SASS for ${unbuildable}, and dpexc builds SASS for all archs or none")
    set(sass FALSE)
  endforeach()

  if(NOT archs)
    set(${out_var} "" PARENT_SCOPE)
    return()
  endif()
  list(TRANSFORM archs PREPEND "sm_")
  list(JOIN archs "," joined)
  set(flags --cuda-arch=${joined})
  if(sass)
    list(APPEND flags --cuda-sass --ptxas=${DPEX_PTXAS})
  endif()
  set(${out_var} "${flags}" PARENT_SCOPE)
endfunction()

# The directory's COMPILE_DEFINITIONS and INCLUDE_DIRECTORIES as they stand
# once the directory's CMakeLists.txt has run (add_compile_definitions after
# the add_dpex_* call included), copied onto <target> for the generator
# expressions of its dpexc commands.
function(_dpex_capture_directory_properties target)
  get_directory_property(defs COMPILE_DEFINITIONS)
  get_directory_property(dirs INCLUDE_DIRECTORIES)
  set_target_properties(${target} PROPERTIES
    DPEX_DIRECTORY_COMPILE_DEFINITIONS "${defs}"
    DPEX_DIRECTORY_INCLUDE_DIRECTORIES "${dirs}")
endfunction()

function(_dpex_defer_directory_capture target)
  cmake_language(EVAL CODE
    "cmake_language(DEFER CALL _dpex_capture_directory_properties [[${target}]])")
endfunction()

# -I<dir>... for a list (possibly a generator expression) of directories,
# leaving out the compiler's implicit ones (-I/usr/include would reorder
# the system headers that dpexc's front end searches).
function(_dpex_include_flags out_var dirs)
  set(dirs "$<REMOVE_DUPLICATES:${dirs}>")
  set(implicit ${CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES})
  if(implicit)
    list(TRANSFORM implicit REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1")
    list(JOIN implicit "|" implicit)
    set(dirs "$<FILTER:${dirs},EXCLUDE,^(${implicit})/?$>")
  endif()
  set(${out_var} "$<$<BOOL:${dirs}>:-I$<JOIN:${dirs},$<SEMICOLON>-I>>" PARENT_SCOPE)
endfunction()

function(_dpex_define_flags out_var defs)
  set(defs "$<REMOVE_DUPLICATES:${defs}>")
  set(${out_var} "$<$<BOOL:${defs}>:-D$<JOIN:${defs},$<SEMICOLON>-D>>" PARENT_SCOPE)
endfunction()

# The output directory of a source, relative to <name>'s: its directory
# relative to the current source (or binary) directory, '..' spelled '__'
# as CMake spells it in object file paths.
function(_dpex_relative_output_dir out_var src_dir)
  file(RELATIVE_PATH rel ${CMAKE_CURRENT_SOURCE_DIR} ${src_dir})
  if(rel MATCHES "^\\.\\.(/|$)")
    file(RELATIVE_PATH bin_rel ${CMAKE_CURRENT_BINARY_DIR} ${src_dir})
    if(NOT bin_rel MATCHES "^\\.\\.(/|$)")
      set(rel ${bin_rel})
    endif()
  endif()
  string(REPLACE "/" ";" parts "${rel}")
  list(TRANSFORM parts REPLACE "^\\.\\.$" "__")
  list(JOIN parts "/" rel)
  set(${out_var} "${rel}" PARENT_SCOPE)
endfunction()

# -D and -I in dpexc options, for the IDE target, and the -std they ask for.
function(_dpex_options_for_ide flags defs_var dirs_var std_var)
  set(defs)
  set(dirs)
  set(std 17)
  set(next "")
  foreach(f IN LISTS flags)
    if(next STREQUAL "D")
      list(APPEND defs "${f}")
      set(next "")
    elseif(next STREQUAL "I")
      get_filename_component(f "${f}" ABSOLUTE)
      list(APPEND dirs "${f}")
      set(next "")
    elseif(f STREQUAL "-D" OR f STREQUAL "-I")
      string(SUBSTRING "${f}" 1 1 next)
    elseif(f MATCHES "^-D(.+)$")
      list(APPEND defs "${CMAKE_MATCH_1}")
    elseif(f MATCHES "^-I(.+)$")
      get_filename_component(dir "${CMAKE_MATCH_1}" ABSOLUTE)
      list(APPEND dirs "${dir}")
    elseif(f MATCHES "^--?std=(c|gnu)\\+\\+([0-9]+)$")
      set(std ${CMAKE_MATCH_2})
    endif()
  endforeach()
  set(${defs_var} "${defs}" PARENT_SCOPE)
  set(${dirs_var} "${dirs}" PARENT_SCOPE)
  set(${std_var} "${std}" PARENT_SCOPE)
endfunction()

# <name>_ide: an object library that is never built; its compile commands
# tell editors how dpexc sees the sources (<dpex/kernel.hpp> parses as host
# C++ under __DPEX_IDE__). The directory's definitions and include
# directories apply to it as to any target.
function(_dpex_add_ide_target name sources flags)
  _dpex_options_for_ide("${flags}" defs dirs std)
  add_library(${name}_ide OBJECT EXCLUDE_FROM_ALL ${sources})
  target_compile_definitions(${name}_ide PRIVATE __DPEX_IDE__ ${defs})
  target_include_directories(${name}_ide PRIVATE ${dirs})
  if(TARGET dpex::runtime)
    # <dpex/kernel.hpp>, beside the runtime's headers.
    target_include_directories(${name}_ide PRIVATE
      $<TARGET_PROPERTY:dpex::runtime,INTERFACE_INCLUDE_DIRECTORIES>)
  endif()
  # The directory's compile options (warnings, -Werror, sanitizers) are
  # the host's; dpexc gets none of them.
  set_target_properties(${name}_ide PROPERTIES
    CXX_STANDARD ${std} CXX_STANDARD_REQUIRED ON CXX_EXTENSIONS OFF
    EXPORT_COMPILE_COMMANDS ON COMPILE_OPTIONS "")
endfunction()

function(add_dpex_kernel name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG ""
    "" "SOURCES;TARGETS;CUDA_ARCHITECTURES;CUDA_ARCH;OPTIONS;INCLUDE_DIRECTORIES;DEVICE_LIBS")
  set(caller "add_dpex_kernel(${name})")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "${caller}: SOURCES is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${caller}: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(ARG_CUDA_ARCHITECTURES AND ARG_CUDA_ARCH)
    message(FATAL_ERROR "${caller}: give CUDA_ARCHITECTURES or CUDA_ARCH, not both")
  endif()
  _dpex_find_compiler(dpexc)

  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/${name})
  set(flags)
  set(include_dirs)
  foreach(dir IN LISTS ARG_INCLUDE_DIRECTORIES)
    get_filename_component(dir ${dir} ABSOLUTE)
    list(APPEND flags -I${dir})
    list(APPEND include_dirs ${dir})
  endforeach()

  if(NOT ARG_TARGETS)
    set(ARG_TARGETS ${DPEX_KERNEL_TARGETS})
  endif()
  if(ARG_TARGETS)
    list(JOIN ARG_TARGETS "," targets)
    list(APPEND flags --targets=${targets})
  endif()
  # Archs matter only where a cuda image is built.
  if(NOT ARG_TARGETS OR "cuda" IN_LIST ARG_TARGETS)
    if(ARG_CUDA_ARCHITECTURES)
      _dpex_cuda_architecture_flags(arch_flags "${caller}" ${ARG_CUDA_ARCHITECTURES})
    elseif(ARG_CUDA_ARCH)
      list(JOIN ARG_CUDA_ARCH "," archs)
      set(arch_flags --cuda-arch=${archs})
    elseif(DPEX_CUDA_ARCHITECTURES)
      _dpex_cuda_architecture_flags(arch_flags "${caller}" ${DPEX_CUDA_ARCHITECTURES})
    elseif(DPEX_KERNEL_CUDA_ARCH)
      list(JOIN DPEX_KERNEL_CUDA_ARCH "," archs)
      set(arch_flags --cuda-arch=${archs})
    elseif(CMAKE_CUDA_ARCHITECTURES)
      _dpex_cuda_architecture_flags(arch_flags "${caller}" ${CMAKE_CUDA_ARCHITECTURES})
    else()
      set(arch_flags)
    endif()
    list(APPEND flags ${arch_flags})
  endif()

  set(libs)
  foreach(lib IN LISTS ARG_DEVICE_LIBS)
    if(lib MATCHES "[/\\\\]|\\.bc$")
      get_filename_component(lib ${lib} ABSOLUTE)
      list(APPEND flags --device-lib ${lib})
      list(APPEND libs ${lib})
    else()
      # A target of add_dpex_device_library, here or declared later: the
      # target orders the build, its file triggers the rebuild.
      set(file "$<TARGET_PROPERTY:${lib},DPEX_DEVICE_LIBRARY_FILE>")
      list(APPEND flags --device-lib ${file})
      list(APPEND libs ${lib} ${file})
    endif()
  endforeach()
  list(APPEND flags ${DPEX_KERNEL_OPTIONS} ${ARG_OPTIONS})

  # <name>'s own include directories and definitions, read when the build
  # system is generated, so that target_* calls after this one count too.
  _dpex_include_flags(inherited_includes "$<TARGET_PROPERTY:${name},INCLUDE_DIRECTORIES>")
  _dpex_define_flags(inherited_defines
    "$<TARGET_PROPERTY:${name},DPEX_DIRECTORY_COMPILE_DEFINITIONS>$<SEMICOLON>$<TARGET_PROPERTY:${name},COMPILE_DEFINITIONS>")

  set(stubs)
  set(abs_sources)
  set(seen_outputs)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(src ${src} ABSOLUTE)
    get_filename_component(stem ${src} NAME_WE)
    get_filename_component(src_dir ${src} DIRECTORY)
    _dpex_relative_output_dir(rel ${src_dir})
    list(APPEND include_dirs ${src_dir})
    list(APPEND abs_sources ${src})
    if(rel)
      set(prefix ${out_dir}/${rel}/${stem})
      set(shown ${rel}/${stem})
    else()
      set(prefix ${out_dir}/${stem})
      set(shown ${stem})
    endif()
    if(prefix IN_LIST seen_outputs)
      message(FATAL_ERROR "${caller}: two SOURCES would write ${prefix}.dpex.hpp (${src} is given twice, or as two files of one stem in one directory)")
    endif()
    list(APPEND seen_outputs ${prefix})
    get_filename_component(prefix_dir ${prefix} DIRECTORY)
    file(MAKE_DIRECTORY ${prefix_dir})

    add_custom_command(
      # Ninja matches the depfile's first target against the first output.
      # The source comes first: dpexc's -I and -D take every value up to
      # the next option.
      OUTPUT ${prefix}.spv ${prefix}.dpex.hpp ${prefix}.dpex.cpp
      COMMAND ${dpexc} ${src} -o ${prefix} -MD -MF ${prefix}.d ${flags}
              ${inherited_includes} ${inherited_defines}
      DEPENDS ${src} ${libs} ${dpexc}
      DEPFILE ${prefix}.d
      COMMENT "dpexc ${shown}"
      COMMAND_EXPAND_LISTS
      VERBATIM)
    list(APPEND stubs ${prefix}.dpex.cpp)
  endforeach()

  # <stem>.dpex.hpp at the top of <name>'s directory for a source in a
  # subdirectory whose stem no other source has; removed where a second
  # source of that stem makes it ambiguous.
  foreach(src IN LISTS abs_sources)
    get_filename_component(stem ${src} NAME_WE)
    get_filename_component(src_dir ${src} DIRECTORY)
    _dpex_relative_output_dir(rel ${src_dir})
    if(NOT rel)
      continue()
    endif()
    set(count 0)
    foreach(other IN LISTS abs_sources)
      get_filename_component(other ${other} NAME_WE)
      if(other STREQUAL stem)
        math(EXPR count "${count} + 1")
      endif()
    endforeach()
    if(count EQUAL 1)
      file(GENERATE OUTPUT ${out_dir}/${stem}.dpex.hpp
        CONTENT "// ${stem}.dpex.hpp: the stub header of ${rel}/${stem}, by its file name.\n#include \"${rel}/${stem}.dpex.hpp\"\n")
    elseif(NOT "${out_dir}/${stem}" IN_LIST seen_outputs)
      file(REMOVE ${out_dir}/${stem}.dpex.hpp)
    endif()
  endforeach()

  add_library(${name} STATIC ${stubs})
  _dpex_defer_directory_capture(${name})
  list(REMOVE_DUPLICATES include_dirs)
  # After the stubs' own directory; the headers that define by-value structs
  # are found as the kernel source found them.
  target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${out_dir}>)
  foreach(dir IN LISTS include_dirs)
    target_include_directories(${name} PUBLIC $<BUILD_INTERFACE:${dir}>)
  endforeach()
  target_link_libraries(${name} PUBLIC dpex::runtime)
  target_compile_features(${name} PUBLIC cxx_std_17)

  if(DPEX_KERNEL_IDE_TARGETS)
    _dpex_add_ide_target(${name} "${abs_sources}" "${flags}")
    target_compile_definitions(${name}_ide PRIVATE
      $<TARGET_PROPERTY:${name},COMPILE_DEFINITIONS>)
    target_include_directories(${name}_ide PRIVATE
      $<TARGET_PROPERTY:${name},INCLUDE_DIRECTORIES>)
  endif()
endfunction()

function(add_dpex_device_library name)
  cmake_parse_arguments(PARSE_ARGV 1 ARG "" "" "SOURCES;OPTIONS;INCLUDE_DIRECTORIES")
  set(caller "add_dpex_device_library(${name})")
  if(NOT ARG_SOURCES)
    message(FATAL_ERROR "${caller}: SOURCES is required")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${caller}: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  _dpex_find_compiler(dpexc)

  set(out_dir ${CMAKE_CURRENT_BINARY_DIR}/${name})
  file(MAKE_DIRECTORY ${out_dir})
  set(prefix ${out_dir}/${name})
  set(sources)
  foreach(src IN LISTS ARG_SOURCES)
    get_filename_component(src ${src} ABSOLUTE)
    list(APPEND sources ${src})
  endforeach()
  set(flags)
  foreach(dir IN LISTS ARG_INCLUDE_DIRECTORIES)
    get_filename_component(dir ${dir} ABSOLUTE)
    list(APPEND flags -I${dir})
  endforeach()
  list(APPEND flags ${DPEX_KERNEL_OPTIONS} ${ARG_OPTIONS})
  _dpex_include_flags(inherited_includes
    "$<TARGET_PROPERTY:${name},DPEX_DIRECTORY_INCLUDE_DIRECTORIES>")
  _dpex_define_flags(inherited_defines
    "$<TARGET_PROPERTY:${name},DPEX_DIRECTORY_COMPILE_DEFINITIONS>")

  add_custom_command(
    OUTPUT ${prefix}.bc
    COMMAND ${dpexc} ${sources} --emit=device-lib -o ${prefix}
            -MD -MF ${prefix}.d ${flags} ${inherited_includes} ${inherited_defines}
    DEPENDS ${sources} ${dpexc}
    DEPFILE ${prefix}.d
    COMMENT "dpexc device library ${name}"
    COMMAND_EXPAND_LISTS
    VERBATIM)
  add_custom_target(${name} DEPENDS ${prefix}.bc SOURCES ${sources})
  set_target_properties(${name} PROPERTIES DPEX_DEVICE_LIBRARY_FILE ${prefix}.bc)
  _dpex_defer_directory_capture(${name})
  if(DPEX_KERNEL_IDE_TARGETS)
    _dpex_add_ide_target(${name} "${sources}" "${flags}")
  endif()
endfunction()
