# ppc-gcc: powerpc-linux-gnu-gcc for a freestanding ppc guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR ppc)
set(CMAKE_C_COMPILER powerpc-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER powerpc-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-fno-pic -Wa,-mregnames")
set(CMAKE_ASM_FLAGS_INIT "-fno-pic -Wa,-mregnames")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
