# The host preset also builds every guest target (external projects with their
# toolchain files) and runs their tests from this build's CTest.
option(HYP_SUPERBUILD "Build and test every guest target from the host build" ON)
# Default: every target of cmake/targets.txt (HYP_TARGETS, from hyp_arch.cmake).
set(HYP_GUEST_TARGETS ${HYP_TARGETS}
    CACHE STRING "Guest targets the host build drives")
set(HYP_CLANG_TARGETS ${HYP_TARGETS}
    CACHE STRING "Guest targets whose libhyp.a is also built with clang")
# tests: every guest test and example; examples: the example kernels alone
# (examples/demo.sh builds only what it shows).
set(HYP_SUPERBUILD_GUESTS tests CACHE STRING "What the gcc guest targets build: tests or examples")
set_property(CACHE HYP_SUPERBUILD_GUESTS PROPERTY STRINGS tests examples)

if(HYP_SUPERBUILD)
  include(ExternalProject)
  set(_hyp_ctest_include "")
  macro(_hyp_guest_target target compiler guest_tests examples)
    set(_dir ${PROJECT_BINARY_DIR}/targets/${target}-${compiler})
    ExternalProject_Add(target-${target}-${compiler}
      SOURCE_DIR ${PROJECT_SOURCE_DIR}
      BINARY_DIR ${_dir}
      CMAKE_ARGS
        -DCMAKE_TOOLCHAIN_FILE=${PROJECT_SOURCE_DIR}/cmake/toolchain/${target}-${compiler}.cmake
        -DCMAKE_BUILD_TYPE=Release
        -DHYP_TARGET=${target}
        -DHYP_GUEST_TESTS=${guest_tests}
        -DHYP_EXAMPLES=${examples}
      INSTALL_COMMAND ""
      BUILD_ALWAYS ON
      USES_TERMINAL_BUILD ON)
    string(APPEND _hyp_ctest_include "subdirs(\"${_dir}\")\n")
  endmacro()
  if(HYP_SUPERBUILD_GUESTS STREQUAL "examples")
    set(_hyp_gcc_tests OFF)
  else()
    set(_hyp_gcc_tests ON)
  endif()
  foreach(t IN LISTS HYP_GUEST_TARGETS)
    _hyp_guest_target(${t} gcc ${_hyp_gcc_tests} ON)
  endforeach()
  foreach(t IN LISTS HYP_CLANG_TARGETS)
    _hyp_guest_target(${t} clang OFF OFF)
  endforeach()
  file(WRITE ${PROJECT_BINARY_DIR}/hyp_guest_tests.cmake "${_hyp_ctest_include}")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES
               ${PROJECT_BINARY_DIR}/hyp_guest_tests.cmake)
endif()
