# riscv64-clang: clang --target=riscv64-unknown-elf for a freestanding S-mode
# guest (the triple's defaults, RV64IMAC and lp64 soft-float, so the suite
# covers both riscv64 ABIs; medany; archived with llvm-ar). Clang 14 still
# counts CSR and fence.i instructions as part of I.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR riscv64)
set(CMAKE_C_COMPILER clang)
set(CMAKE_ASM_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET riscv64-unknown-elf)
set(CMAKE_ASM_COMPILER_TARGET riscv64-unknown-elf)
set(CMAKE_AR llvm-ar CACHE FILEPATH "")
set(CMAKE_RANLIB llvm-ranlib CACHE FILEPATH "")
set(CMAKE_C_FLAGS_INIT "-mcmodel=medany -fno-pic")
set(CMAKE_ASM_FLAGS_INIT "-mcmodel=medany -fno-pic")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
