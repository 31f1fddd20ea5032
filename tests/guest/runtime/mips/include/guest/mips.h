/* SPDX-License-Identifier: MIT */
/*
 * MIPS guest runtime (malta): the register frame every exception saves and
 * the hook a test uses to play hypervisor in an exception handler.
 *
 * One general exception vector (EBase + 0x180, Status.BEV = 0) saves all
 * GPRs, hi/lo and the CP0 state into a struct guest_frame, calls the handler
 * hooked for Cause.ExcCode (<guest/trap.h>), and restores the frame (a handler edits it:
 * registers, epc) before eret. k0/k1 are the exception registers: their
 * saved values are the vector's own scratch, and whatever a handler leaves
 * in the frame is what the interrupted code gets back.
 */
#ifndef GUEST_MIPS_H
#define GUEST_MIPS_H

#include <stdbool.h>
#include <stdint.h>

#include <guest/trap.h>

/* GPR numbers (o32/n64 names). */
#define MIPS_REG_ZERO   0
#define MIPS_REG_AT     1
#define MIPS_REG_V0     2
#define MIPS_REG_V1     3
#define MIPS_REG_A0     4
#define MIPS_REG_A1     5
#define MIPS_REG_A2     6
#define MIPS_REG_A3     7
#define MIPS_REG_T9     25
#define MIPS_REG_K0     26
#define MIPS_REG_K1     27
#define MIPS_REG_GP     28
#define MIPS_REG_SP     29
#define MIPS_REG_FP     30
#define MIPS_REG_RA     31

/* Cause.ExcCode values. */
#define MIPS_EXC_INT    0
#define MIPS_EXC_ADEL   4
#define MIPS_EXC_ADES   5
#define MIPS_EXC_IBE    6
#define MIPS_EXC_DBE    7
#define MIPS_EXC_SYS    8
#define MIPS_EXC_BP     9
#define MIPS_EXC_RI     10      /* Reserved Instruction: hypcall without VZ */
#define MIPS_EXC_CPU    11
#define MIPS_EXC_OV     12
#define MIPS_EXC_TR     13

#define MIPS_CAUSE_BD   (1ul << 31)     /* EPC points at the branch before the faulting slot */

/* Layout shared with start.S: 38 registers of the GPR width; the pc is `epc`. */
struct guest_frame {
	unsigned long regs[32];
	unsigned long hi, lo;
	unsigned long epc;
	unsigned long badvaddr;
	unsigned long cause;
	unsigned long status;
};

_Static_assert(sizeof(struct guest_frame) == 38 * sizeof(unsigned long),
	       "struct guest_frame matches start.S");

/* QEMU exit status through UHI semihosting exit (needs -semihosting). */
#define GUEST_MIPS_EXIT_PASS    1
#define GUEST_MIPS_EXIT_FAIL    3

#endif /* GUEST_MIPS_H */
