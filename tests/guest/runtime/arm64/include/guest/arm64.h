/* SPDX-License-Identifier: MIT */
/*
 * aarch64 guest runtime (QEMU virt, Xen dom0, the arm64 KVM loader): one
 * position-independent arm64 Image, entered at EL1 (or EL2, which it leaves
 * for EL1) with x0 = the device tree, MMU off.
 */
#ifndef GUEST_ARM64_H
#define GUEST_ARM64_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <guest/trap.h>

/* Exit codes (semihosting SYS_EXIT subcode = QEMU rc; the loader's exit status). */
#define GUEST_ARM64_EXIT_PASS   1
#define GUEST_ARM64_EXIT_FAIL   3

/* Registers saved on an exception taken to EL1 (start.S layout). The cause of
 * a synchronous exception is ARM64_EC(esr), the pc `elr`. */
struct guest_frame {
	uint64_t x[31];
	uint64_t elr, spsr, esr, far;
};

#define ARM64_EC(esr)           ((unsigned int)((esr) >> 26) & 0x3f)
#define ARM64_EC_UNKNOWN        0x00    /* UNDEFINED: hvc without EL2, smc without EL3 */
#define ARM64_EC_SVC64          0x15
#define ARM64_EC_HVC64          0x16
#define ARM64_EC_SMC64          0x17
#define ARM64_ISS_IMM16(esr)    ((unsigned int)(esr) & 0xffff)

/* Every exception taken to EL1 since boot (hooked or not). */
extern volatile unsigned int guest_arm64_traps;
/* Entered at EL2: every exception that reached the empty EL2 left behind (an hvc). */
extern volatile unsigned int guest_arm64_el2_traps;

/* The device tree the image was entered with, its size (header totalsize), the boot command line. */
const void *guest_fdt(void);
size_t guest_fdt_size(void);
const char *guest_cmdline(void);
/* Whether the command line has `word` (e.g. "expect=kvm") as a whole word. */
bool guest_cmdline_has(const char *word);
/* Tell the KVM loader the verdict without exiting (the run then ends by a
 * PSCI system event the loader checks); nothing elsewhere. */
void guest_arm64_post_verdict(bool pass);
/* The exception level the image was entered at (1 or 2). */
unsigned int guest_entry_el(void);
/* Under Xen (the tree has /hypervisor "xen,xen"): the console is Xen's console_io. */
bool guest_on_xen(void);
/* Value of "key=" in /chosen/bootargs, copied into buf; false if absent. */
bool guest_cmdline_get(const char *key, char *buf, size_t size);
/* Defined by a test that must end itself (a Xen domU); arch_exit() calls it
 * first; else absent. */
void guest_exit_hook(bool pass);
/* Defined by a test whose console under Xen is not console_io (a domU, which
 * Xen refuses it): each line goes there instead; else absent. */
void guest_xen_console_hook(const char *text, size_t len);
/* Defined by a test that takes interrupts (GICv3, set up by the test): each
 * acknowledged INTID, then EOI; else IRQs are unexpected traps. */
void guest_irq_hook(unsigned int intid);

#endif /* GUEST_ARM64_H */
