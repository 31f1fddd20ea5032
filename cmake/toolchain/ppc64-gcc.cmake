# ppc64-gcc: powerpc64-linux-gnu-gcc for a freestanding ppc64 guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR ppc64)
set(CMAKE_C_COMPILER powerpc64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER powerpc64-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-Wa,-mregnames")
set(CMAKE_ASM_FLAGS_INIT "-Wa,-mregnames")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
