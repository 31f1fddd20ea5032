# i386-gcc: i686-linux-gnu-gcc for a freestanding i386 guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR i386)
set(CMAKE_C_COMPILER i686-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER i686-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-fno-pic -m32 -mno-sse -mno-mmx")
set(CMAKE_ASM_FLAGS_INIT "-fno-pic -m32 -mno-sse -mno-mmx")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
