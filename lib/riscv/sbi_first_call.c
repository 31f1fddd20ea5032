/* SPDX-License-Identifier: MIT */
/*
 * The first ecall of hyp_init(), made safe where nothing answers it.
 *
 * By the SBI contract (SBI spec v2.0, chapter 3) an ecall from S-mode reaches
 * M-mode firmware or, from VS-mode, the hypervisor: it never enters the
 * kernel's own stvec. A kernel with no SBI below it (xv6-style: `-bios none`,
 * its own M-mode start delegating ecall-from-S, medeleg bit 9) gets that ecall
 * back as an S-mode trap (scause 9), perhaps before it has a trap vector.
 * For this one call the library owns stvec, with sstatus.SIE clear so only
 * the ecall can enter it: the handler answers SBI_ERR_NOT_SUPPORTED, marks
 * the call "trapped" and resumes after the ecall; stvec and SIE are then
 * restored (RISC-V privileged spec v1.12, 4.1.1-4.1.2: stvec, sstatus).
 */
#include "sbi_internal.h"

bool hyp_sbi_first_ecall(unsigned long eid, unsigned long fid, struct hyp_sbiret *out)
{
	register unsigned long a0 __asm__("a0") = 0;
	register unsigned long a1 __asm__("a1") = 0;
	register unsigned long a6 __asm__("a6") = fid;
	register unsigned long a7 __asm__("a7") = eid;
	unsigned long trapped = 0, tmp, tvec, sstatus;

	/* A real SBI keeps every register but a0/a1, so `trapped` stays 0. */
	__asm__ __volatile__(
		"csrrci %[ss], sstatus, 2\n\t"          /* SIE off */
		"lla    %[tmp], 1f\n\t"
		"csrrw  %[tv], stvec, %[tmp]\n\t"
		HYP_RISCV_ECALL_INSN "\n\t"
		"j      2f\n\t"
		".balign 4\n"                           /* stvec MODE 0: 4-byte aligned base */
		"1:\n\t"
		"li     a0, %[absent]\n\t"
		"li     a1, 0\n\t"
		"li     %[trap], 1\n\t"
		"csrr   %[tmp], sepc\n\t"
		"addi   %[tmp], %[tmp], 4\n\t"          /* ecall is 4 bytes, never compressed */
		"csrw   sepc, %[tmp]\n\t"
		"sret\n"
		"2:\n\t"
		"csrw   stvec, %[tv]\n\t"
		"andi   %[ss], %[ss], 2\n\t"
		"csrs   sstatus, %[ss]"
		: "+r"(a0), "+r"(a1), [trap] "+r"(trapped), [tmp] "=&r"(tmp), [tv] "=&r"(tvec),
		  [ss] "=&r"(sstatus)
		: "r"(a6), "r"(a7), [absent] "i"(HYP_SBI_ERR_NOT_SUPPORTED)
		: "memory");
	out->error = (long)a0;
	out->value = (long)a1;
	return trapped != 0;
}
