# aarch64-gcc: aarch64-linux-gnu-gcc for a freestanding aarch64 guest (EL1).
# -mgeneral-regs-only: no FP/SIMD state in kernel code; -mstrict-align: the
# code may run with the MMU off (Xen's dom0 entry, our test images), where
# every access is Device memory and an unaligned one faults.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(CMAKE_C_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER aarch64-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-mgeneral-regs-only -mstrict-align -mno-outline-atomics")
set(CMAKE_ASM_FLAGS_INIT "")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
