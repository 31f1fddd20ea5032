# s390x-gcc: s390x-linux-gnu-gcc for a freestanding s390x guest.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR s390x)
set(CMAKE_C_COMPILER s390x-linux-gnu-gcc)
set(CMAKE_ASM_COMPILER s390x-linux-gnu-gcc)
set(CMAKE_C_FLAGS_INIT "-march=z900 -mzarch -m64")
set(CMAKE_ASM_FLAGS_INIT "-march=z900 -mzarch -m64")
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
