/* SPDX-License-Identifier: MIT */
/*
 * probe_hypcall_regs(unsigned long out[32]): load every GPR but zero, sp,
 * k0 and k1 with REG_PATTERN(n) (all 64 bits on n64), set v0 = 0x7e57 (the harness's echo
 * number), execute HYPCALL, and store all 32 GPRs as they came back.
 * Shows what the harness (the "hypervisor") changed: it may change v0 and
 * k0/k1 only.
 */
#if defined(__mips64) && _MIPS_SIM == _ABI64
#define SZREG       8
#define REG_S       sd
#define REG_L       ld
#define PTR_ADDIU   daddiu
#define LI_PATTERN  dli
#define PATTERN_HI  0x5a5a5a5a00000000      /* upper halves must survive too */
#else
#define SZREG       4
#define REG_S       sw
#define REG_L       lw
#define PTR_ADDIU   addiu
#define LI_PATTERN  li
#define PATTERN_HI  0
#endif
#define REG_PATTERN(n)  (PATTERN_HI | 0xa5000000 | ((n) << 8) | (n))
#define SAVE        (16 * SZREG)

	.set	noreorder
	.set	noat
	.text
	.globl	probe_hypcall_regs
probe_hypcall_regs:
	PTR_ADDIU $29, $29, -SAVE
	.irp	r, 16, 17, 18, 19, 20, 21, 22, 23
	REG_S	$\r, ((\r - 16) * SZREG)($29)
	.endr
	REG_S	$28, (8 * SZREG)($29)
	REG_S	$30, (9 * SZREG)($29)
	REG_S	$31, (10 * SZREG)($29)
	REG_S	$4, (11 * SZREG)($29)
	.irp	r, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 28, 30, 31
	LI_PATTERN $\r, REG_PATTERN(\r)
	.endr
	li	$2, 0x7e57
	.word	0x42000028
	REG_S	$26, (12 * SZREG)($29)      /* k0 as it came back */
	REG_L	$26, (11 * SZREG)($29)      /* out */
	.irp	r, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 27, 28, 29, 30, 31
	REG_S	$\r, (\r * SZREG)($26)
	.endr
	REG_L	$27, (12 * SZREG)($29)
	REG_S	$27, (26 * SZREG)($26)
	.irp	r, 16, 17, 18, 19, 20, 21, 22, 23
	REG_L	$\r, ((\r - 16) * SZREG)($29)
	.endr
	REG_L	$28, (8 * SZREG)($29)
	REG_L	$30, (9 * SZREG)($29)
	REG_L	$31, (10 * SZREG)($29)
	jr	$31
	PTR_ADDIU $29, $29, SAVE
	.set	at
