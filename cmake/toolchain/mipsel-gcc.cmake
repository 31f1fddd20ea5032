# mipsel-gcc: mipsel-linux-gnu-gcc for a freestanding mipsel guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR mipsel)
set(CMAKE_C_COMPILER mipsel-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER mipsel-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-mno-abicalls -fno-pic -G0 -msoft-float")
set(CMAKE_ASM_FLAGS_INIT "-mno-abicalls -fno-pic -G0 -msoft-float")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
