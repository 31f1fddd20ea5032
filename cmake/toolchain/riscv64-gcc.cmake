# riscv64-gcc: riscv64-linux-gnu-gcc for a freestanding S-mode guest, as a
# kernel is built: RV64IMAC without floating point (lp64 soft-float ABI),
# code model medany (any 2 GiB window, here 0x80200000).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv64)
set(CMAKE_C_COMPILER riscv64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER riscv64-linux-gnu-gcc)
# GCC 12 follows ISA spec 20191213: CSR and fence.i instructions are the
# separate extensions Zicsr and Zifencei.
set(CMAKE_C_FLAGS_INIT "-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -fno-pic")
set(CMAKE_ASM_FLAGS_INIT "-march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany -fno-pic")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
