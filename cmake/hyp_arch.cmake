# HYP_ARCH: the arch/ directory for the processor being built for, from the
# target table (cmake/targets.txt): the target of that name, else the first
# whose processor pattern matches.
include(${CMAKE_CURRENT_LIST_DIR}/hyp_targets.cmake)
string(TOLOWER "${CMAKE_SYSTEM_PROCESSOR}" _hyp_proc)
unset(HYP_ARCH)
# HYP_TOOLCHAIN_TARGET: that target's name (the default HYP_TARGET when
# cross compiling).
list(FIND HYP_TARGETS "${_hyp_proc}" _hyp_i)
if(_hyp_i GREATER -1)
  set(HYP_ARCH ${HYP_TARGET_${_hyp_proc}_ARCH})
  set(HYP_TOOLCHAIN_TARGET ${_hyp_proc})
else()
  foreach(_t IN LISTS HYP_TARGETS)
    if(_hyp_proc MATCHES "${HYP_TARGET_${_t}_PROCESSORS}")
      set(HYP_ARCH ${HYP_TARGET_${_t}_ARCH})
      set(HYP_TOOLCHAIN_TARGET ${_t})
      break()
    endif()
  endforeach()
endif()
if(NOT DEFINED HYP_ARCH)
  message(FATAL_ERROR "libhyp: no stubs for processor '${CMAKE_SYSTEM_PROCESSOR}'")
endif()
# A toolchain file alone (a kernel building libhyp.a) builds no tests; the
# presets and the superbuild ask for them.
if(CMAKE_CROSSCOMPILING)
  option(HYP_GUEST_TESTS "Build the guest test images and examples (guest targets)" OFF)
else()
  option(HYP_GUEST_TESTS "Build the guest test images and examples (guest targets)" ON)
endif()
option(HYP_EXAMPLES "Build the example kernels alone (guest targets; on with HYP_GUEST_TESTS)" OFF)
option(HYP_HOST_TESTS "Build the host tests (host target)" ON)
