/* SPDX-License-Identifier: MIT */
/*
 * riscv64 glue (QEMU virt, 128 MiB, -smp 2): SBI is the platform contract
 * (a zero hyp_platform), except built with SERVICES_M_MODE (QEMU -bios none:
 * the image runs in M-mode, nothing is below it). The reset counter lives at
 * 0x86400000 except built with SERVICES_KVM (the nested KVM's loader: its
 * memory is its own, one hart). The idle wake-up is the supervisor timer,
 * enabled in sie with sstatus.SIE off (pending, never taken): idle returned
 * on it if the time passed its deadline and (not under the nested KVM, whose
 * vsip.STIP reads 0 with Sstc: FACTS) STIP is pending.
 */
#include <guest/riscv.h>
#include <guest/test.h>
#include <hyp/sbi.h>

#include "glue.h"

__asm__(".text\n.globl services_secondary_entry\n.balign 4\nservices_secondary_entry:\n"
	"\tmv sp, a1\n\tcsrw sie, zero\n\tcall services_secondary\n1:\twfi\n\tj 1b\n");
void services_secondary_entry(void);

const struct hyp_platform *glue_platform(void)
{
#ifdef SERVICES_M_MODE
	static const struct hyp_platform p = { .riscv_m_mode = true };
#else
	static const struct hyp_platform p;
#endif

	return &p;
}

unsigned long glue_traps(void)
{
	return guest_trap_count;
}

volatile uint32_t *glue_scratch(void)
{
#if defined(SERVICES_KVM) || defined(SERVICES_M_MODE)
	return NULL;
#else
	return (volatile uint32_t *)0x86400000ul;
#endif
}

static unsigned long wake_at;

bool glue_wakeup_arm(void)
{
	csr_set(sie, RV_SIP_STIP);
	wake_at = csr_read(time) + 100000;      /* 10 ms at 10 MHz */
	return hyp_sbi_set_timer(wake_at) == 0;
}

bool glue_wakeup_done(void)
{
	bool pending = csr_read(time) >= wake_at;

#ifndef SERVICES_KVM
	pending &= (csr_read(sip) & RV_SIP_STIP) != 0;
#endif

	hyp_sbi_set_timer(~0ull);
	csr_clear(sie, RV_SIP_STIP);
	return pending;
}

/* The image's build says (SERVICES_END): the runtime has no command line. */
#ifndef SERVICES_END
#define SERVICES_END "power-off"
#endif
enum glue_end glue_end(void)
{
	return glue_end_named(SERVICES_END);
}

bool glue_other_cpu(uint64_t *cpu)
{
#ifdef SERVICES_KVM
	(void)cpu;
	return false;
#else
	*cpu = guest_boot_hartid ^ 1u;
	return true;
#endif
}

uintptr_t glue_secondary_entry(void)
{
	return (uintptr_t)services_secondary_entry;
}

void glue_after_init(void)
{
}

void glue_before_end(bool pass)
{
	(void)pass;
}

enum glue_steal glue_steal(void)
{
	return GLUE_STEAL_MONOTONIC;
}
