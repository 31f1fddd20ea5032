/* SPDX-License-Identifier: MIT */
/* Shared by smp64.S and smp.c. */
#ifndef GUEST_X86_SMP_H
#define GUEST_X86_SMP_H

/* The SIPI start page: vector 0x08 (below 1 MiB, clear of the loaders' 0x1000 start info). */
#define SMP_TRAMPOLINE_BASE 0x8000
#define SMP_SIPI_VECTOR     (SMP_TRAMPOLINE_BASE >> 12)

#endif
