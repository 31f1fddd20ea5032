# SPDX-License-Identifier: MIT
# libhyp for builds without CMake (as libfdt's Makefile.libfdt): include this
# file, then compile $(HYP_SRCS) with $(HYP_CFLAGS) added to your kernel's own
# CFLAGS (CPU and ABI flags are the kernel's: the library builds with them),
# archive them, and compile your own code with $(HYP_CONSUMER_CFLAGS).
#
#   HYP_ARCH := riscv           # the arch/ directory: x86 s390 powerpc mips riscv arm64
#   include libhyp/libhyp.mk
#   HYP_OBJS := $(HYP_SRCS:.c=.o)
#   $(HYP_OBJS): CFLAGS += $(HYP_CFLAGS)
#   libhyp.a: $(HYP_OBJS) ; $(AR) rcs $@ $^
#
# Every source basename is unique (lib/*.c and lib/$(HYP_ARCH)/*.c), so the
# objects may also share one directory. tests/host/check-libhyp-mk.sh builds
# libhyp.a this way for every target of cmake/targets.txt.

HYP_DIR ?= $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
ifeq ($(HYP_ARCH),)
$(error libhyp.mk: set HYP_ARCH to the arch/ directory (x86 s390 powerpc mips riscv arm64))
endif
ifeq ($(wildcard $(HYP_DIR)/lib/$(HYP_ARCH)/*.c),)
$(error libhyp.mk: no lib/$(HYP_ARCH) in $(HYP_DIR))
endif

# The sources: the portable core, then the architecture's detection and calls.
HYP_SRCS := $(sort $(wildcard $(HYP_DIR)/lib/*.c)) $(sort $(wildcard $(HYP_DIR)/lib/$(HYP_ARCH)/*.c))

# What code including libhyp's headers needs (CMake: hyp::hyp's INTERFACE
# options; pkg-config: Cflags). PowerPC stubs name registers r0-r31.
HYP_CONSUMER_CFLAGS := -ffreestanding -I$(HYP_DIR)/include -I$(HYP_DIR)/arch/$(HYP_ARCH)/include
ifeq ($(HYP_ARCH),powerpc)
HYP_CONSUMER_CFLAGS += -Wa,-mregnames
endif

# What the library's own objects need (lib/CMakeLists.txt says the same and
# why): C11, no stack protector (no __stack_chk_fail, no TLS canary in a
# kernel), one section per function and object (--gc-sections), no jump
# tables (no absolute addresses in .rodata), x86 kernel code without SSE/MMX
# or red zone, and x86_64 position-independent (-fpie: links at any address,
# the higher half included). x86_64 or i386 is the compiler's answer for your
# CFLAGS (-m32), asked when a rule expands HYP_CFLAGS.
HYP_CFLAGS = -std=c11 -fno-stack-protector -ffunction-sections -fdata-sections -fno-jump-tables \
	$(HYP_CONSUMER_CFLAGS)
ifeq ($(HYP_ARCH),x86)
HYP_CFLAGS += -mno-sse -mno-mmx -mno-red-zone -DHYP_X86_NO_RED_ZONE $(HYP_X86_64_PIC)
HYP_X86_64_PIC = $(if $(shell $(CC) $(CFLAGS) -dM -E -x c /dev/null | grep __x86_64__),-fpie -mcmodel=small)
endif
