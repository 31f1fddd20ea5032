# x86_64-gcc: x86_64-linux-gnu-gcc for a freestanding x86_64 guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER x86_64-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-m64 -mno-red-zone -mno-sse -mno-mmx")
set(CMAKE_ASM_FLAGS_INIT "-m64 -mno-red-zone -mno-sse -mno-mmx")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
