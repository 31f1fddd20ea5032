/* SPDX-License-Identifier: MIT */
/*
 * aarch64 glue: the device tree names the PSCI conduit and Xen. With
 * "scratch" on the command line (QEMU virt, 256 MiB) the reset counter lives
 * at 0x4c000000; with "wake=gicv2" the virtual timer (PPI 27) is routed
 * through virt's GICv2 (GICD 0x08000000, GICC 0x08010000) and fires once,
 * masked (PSTATE.I set): pending, never taken.
 */
#include <guest/arm64.h>
#include <guest/test.h>

#include "glue.h"

#define GICD            0x08000000ul
#define GICC            0x08010000ul
#define VTIMER_PPI      27u

__asm__(".text\n.globl services_secondary_entry\nservices_secondary_entry:\n"
	"\tmov sp, x0\n\tbl services_secondary\n1:\twfi\n\tb 1b\n");
void services_secondary_entry(void);

const struct hyp_platform *glue_platform(void)
{
	static struct hyp_platform p;

	p = (struct hyp_platform){ .fdt = guest_fdt(), .fdt_size = guest_fdt_size() };
	return &p;
}

unsigned long glue_traps(void)
{
	return guest_arm64_traps;
}

volatile uint32_t *glue_scratch(void)
{
	return guest_cmdline_has("scratch") ? (volatile uint32_t *)0x4c000000ul : NULL;
}

static void mmio32(unsigned long addr, uint32_t v)
{
	*(volatile uint32_t *)addr = v;
}

bool glue_wakeup_arm(void)
{
	uint64_t freq;

	if (!guest_cmdline_has("wake=gicv2"))
		return false;
	__asm__ __volatile__("msr daifset, #2" ::: "memory");
	mmio32(GICD + 0x000, 1);                                /* GICD_CTLR: enable */
	mmio32(GICD + 0x100, 1u << VTIMER_PPI);                 /* GICD_ISENABLER0 */
	*(volatile uint8_t *)(GICD + 0x400 + VTIMER_PPI) = 0x80; /* GICD_IPRIORITYR */
	mmio32(GICC + 0x004, 0xf0);                             /* GICC_PMR */
	mmio32(GICC + 0x000, 1);                                /* GICC_CTLR: enable */
	__asm__ __volatile__("mrs %0, cntfrq_el0" : "=r"(freq));
	__asm__ __volatile__("msr cntv_tval_el0, %0\n\tmsr cntv_ctl_el0, %1\n\tisb"
			     : : "r"(freq / 100), "r"(1ul) : "memory");
	return true;
}

bool glue_wakeup_done(void)
{
	uint64_t ctl;

	__asm__ __volatile__("mrs %0, cntv_ctl_el0" : "=r"(ctl));
	__asm__ __volatile__("msr cntv_ctl_el0, xzr\n\tisb" ::: "memory");
	return (ctl & 4) != 0;          /* ISTATUS: the timer fired */
}

enum glue_end glue_end(void)
{
	static const char *const ends[] = { "end=power-off", "end=reset", "end=crash" };

	for (unsigned int i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (guest_cmdline_has(ends[i]))
			return glue_end_named(ends[i] + 4);
	return GLUE_END_RUNTIME;
}

bool glue_other_cpu(uint64_t *cpu)
{
	if (!guest_cmdline_has("smp"))
		return false;
	*cpu = 1;                       /* MPIDR affinity of the second CPU on virt */
	return true;
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
	guest_arm64_post_verdict(pass);
}

enum glue_steal glue_steal(void)
{
	return guest_cmdline_has("steal=nonzero") ? GLUE_STEAL_NONZERO : GLUE_STEAL_MONOTONIC;
}
