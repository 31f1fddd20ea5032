# mips64-gcc: mips64-linux-gnuabi64-gcc for a freestanding n64 big-endian guest
# (linked in CKSEG0, so symbols are 32-bit sign-extended: -msym32).
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR mips64)
set(CMAKE_C_COMPILER mips64-linux-gnuabi64-gcc)
set(CMAKE_ASM_COMPILER mips64-linux-gnuabi64-gcc)
set(CMAKE_C_FLAGS_INIT "-march=mips64r2 -mabi=64 -msym32 -mno-abicalls -fno-pic -G0 -msoft-float")
set(CMAKE_ASM_FLAGS_INIT "-march=mips64r2 -mabi=64 -msym32 -mno-abicalls -fno-pic -G0 -msoft-float")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
