/* SPDX-License-Identifier: MIT */
/* PowerPC test runtime: exception hooks and the register frame. */
#ifndef GUEST_POWERPC_H
#define GUEST_POWERPC_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/trap.h>

/*
 * The interrupted state, saved by the vector code; a handler may change any
 * of it before the runtime resumes at frame->srr0 (the pc) with MSR =
 * frame->srr1; the cause is the IVOR number. ppce500 only: pseries has no
 * hooks (every exception there is unexpected; guest_set_trap_handler() does
 * not link).
 */
struct guest_frame {
	unsigned long gpr[32];
	unsigned long cr, lr, ctr, xer;
	unsigned long srr0;     /* System Call: the instruction after sc */
	unsigned long srr1;
	unsigned long vector;   /* BookE IVOR number */
};

/* BookE interrupt numbers (IVORn). */
#define GUEST_PPC_IVOR_CRITICAL     0
#define GUEST_PPC_IVOR_MCHECK       1
#define GUEST_PPC_IVOR_DSI          2
#define GUEST_PPC_IVOR_ISI          3
#define GUEST_PPC_IVOR_EXTERNAL     4
#define GUEST_PPC_IVOR_ALIGNMENT    5
#define GUEST_PPC_IVOR_PROGRAM      6
#define GUEST_PPC_IVOR_FP_UNAVAIL   7
#define GUEST_PPC_IVOR_SYSCALL      8
#define GUEST_PPC_IVOR_DEC          10
#define GUEST_PPC_IVOR_DTLB_MISS    13
#define GUEST_PPC_IVOR_ITLB_MISS    14
#define GUEST_PPC_IVOR_DEBUG        15
#define GUEST_PPC_IVORS             16

/* ppce500: the device tree blob QEMU passed in r3, and its size. pseries:
 * the tree a loader passed with the ePAPR boot registers, else NULL. */
extern const void *guest_ppc_fdt;
extern unsigned long guest_ppc_fdt_size;

/* ppce500: write a TLB1 entry (MAS0-3, MAS7) and make it effective. */
void guest_e500_tlb1_write(unsigned int esel, uint32_t epn, uint64_t rpn,
			   unsigned int tsize, uint32_t mas2_flags, uint32_t mas3_perms);

/* Flush data cache to memory and invalidate instruction cache for a range. */
void guest_ppc_sync_icache(const void *start, unsigned long len);

#endif /* GUEST_POWERPC_H */
