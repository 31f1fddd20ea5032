# ppc64le-gcc: powerpc64le-linux-gnu-gcc for a freestanding ppc64le guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR ppc64le)
set(CMAKE_C_COMPILER powerpc64le-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER powerpc64le-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-Wa,-mregnames")
set(CMAKE_ASM_FLAGS_INIT "-Wa,-mregnames")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
