# riscv64-gcc: riscv64-linux-gnu-gcc for a freestanding S-mode guest, as a
# kernel is built: the compiler's own ISA and ABI (Debian: rv64gc, lp64d, as
# xv6 builds; libhyp uses no floating point and links into lp64 and lp64d
# kernels when built with theirs), code model medany (any 2 GiB window, here
# 0x80200000).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv64)
set(CMAKE_C_COMPILER riscv64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER riscv64-linux-gnu-gcc)
# GCC 12 follows ISA spec 20191213: a kernel choosing -march names Zicsr and
# Zifencei (rv64imac_zicsr_zifencei); rv64gc includes them.
set(CMAKE_C_FLAGS_INIT "-mcmodel=medany -fno-pic")
set(CMAKE_ASM_FLAGS_INIT "-mcmodel=medany -fno-pic")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
