# Reads cmake/targets.txt (the target table) into
#   HYP_TARGETS                  the targets, in table order
#   HYP_TARGET_<t>_ARCH          arch/ and lib/ directory
#   HYP_TARGET_<t>_PROCESSORS    CMAKE_SYSTEM_PROCESSOR regex selecting the arch
#   HYP_TARGET_<t>_GCC           gcc cross compiler
#   HYP_TARGET_<t>_GCC_FLAGS     kernel CFLAGS with gcc
#   HYP_TARGET_<t>_CLANG         clang --target= triple
#   HYP_TARGET_<t>_CLANG_FLAGS   kernel CFLAGS with clang
#   HYP_TARGET_<t>_CPPCHECK      cppcheck --platform
#   HYP_TARGET_<t>_CXX           C++ compiler for the header checks
# Works in script mode (cmake -P) too.
set(HYP_TARGETS_FILE ${CMAKE_CURRENT_LIST_DIR}/targets.txt)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${HYP_TARGETS_FILE})
file(STRINGS ${HYP_TARGETS_FILE} _hyp_target_lines REGEX "^[^#]")
set(HYP_TARGETS "")
cmake_policy(PUSH)
cmake_policy(SET CMP0007 NEW)   # keep empty fields
foreach(_line IN LISTS _hyp_target_lines)
  # a line of ';'-separated fields is a CMake list as it stands
  set(_vals "")
  foreach(_f IN LISTS _line)
    string(STRIP "${_f}" _f)
    list(APPEND _vals "${_f}")
  endforeach()
  list(LENGTH _vals _n)
  if(NOT _n EQUAL 9)
    message(FATAL_ERROR "cmake/targets.txt: 9 fields expected, ${_n} in: ${_line}")
  endif()
  list(GET _vals 0 _t)
  list(APPEND HYP_TARGETS ${_t})
  set(_i 1)
  foreach(_key ARCH PROCESSORS GCC GCC_FLAGS CLANG CLANG_FLAGS CPPCHECK CXX)
    list(GET _vals ${_i} HYP_TARGET_${_t}_${_key})
    math(EXPR _i "${_i} + 1")
  endforeach()
endforeach()
cmake_policy(POP)
