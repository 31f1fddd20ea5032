# Print what the benchmark needs from one toolchain file, one KEY=VALUE a line:
# cmake -DTOOLCHAIN=cmake/toolchain/<target>-<cc>.cmake -P tests/bench/toolchain-info.cmake
include(${TOOLCHAIN})
include(${CMAKE_CURRENT_LIST_DIR}/../../cmake/hyp_arch.cmake)
message("CC=${CMAKE_C_COMPILER}")
message("TARGET=${CMAKE_C_COMPILER_TARGET}")
message("FLAGS=${CMAKE_C_FLAGS_INIT}")
message("ARCH=${HYP_ARCH}")
