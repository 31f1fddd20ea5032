/* SPDX-License-Identifier: MIT */
/*
 * x86_64 secondary CPUs: INIT-SIPI-SIPI through the local APIC (xAPIC MMIO
 * at 0xfee00000; SDM vol. 3, 8.4.4 and 10.6), one AP at a time, each on its
 * own stack, then all CPUs released together into the test's function.
 * APIC ID n is CPU n (QEMU's and KVM's default numbering).
 */
#include <guest/smp.h>
#include <guest/test.h>
#include <guest/x86.h>

#include "smp.h"

#define LAPIC_ICR_LO        ((volatile uint32_t *)0xfee00300)
#define LAPIC_ICR_HI        ((volatile uint32_t *)0xfee00310)
#define ICR_INIT_ASSERT     0x00004500u     /* delivery mode INIT, level assert */
#define ICR_STARTUP         0x00004600u     /* delivery mode start-up, vector in bits 0-7 */
#define ICR_BUSY            (1u << 12)
#define AP_STACK_SIZE       16384
#define CHECK_IN_SPINS      20000000u       /* per SIPI; several seconds under TCG */

extern const unsigned char smp_trampoline_start[], smp_trampoline_end[];
extern const uint32_t smp_trampoline_cr3;

void smp_ap_main(void);
void x86_runtime_init_ap(void);

static unsigned char ap_stacks[GUEST_SMP_MAX_CPUS][AP_STACK_SIZE] __attribute__((aligned(16)));
unsigned long smp_ap_stack;                 /* read by smp_ap_entry64 */
static unsigned int ap_next;                /* the CPU number of the AP being started */
static unsigned int ap_checked_in;          /* its number once it runs C code */
static unsigned int go;
static unsigned int finished;
static guest_smp_fn smp_fn;

static void cpu_relax(void)
{
	__asm__ __volatile__("pause" ::: "memory");
}

static void icr_send(unsigned int apic_id, uint32_t low)
{
	while (*LAPIC_ICR_LO & ICR_BUSY)
		cpu_relax();
	*LAPIC_ICR_HI = apic_id << 24;
	*LAPIC_ICR_LO = low;
}

static bool wait_check_in(unsigned int cpu)
{
	for (unsigned int i = 0; i < CHECK_IN_SPINS; i++) {
		if (__atomic_load_n(&ap_checked_in, __ATOMIC_ACQUIRE) == cpu)
			return true;
		cpu_relax();
	}
	return false;
}

void smp_ap_main(void)
{
	unsigned int cpu = __atomic_load_n(&ap_next, __ATOMIC_ACQUIRE);

	x86_runtime_init_ap();
	__atomic_store_n(&ap_checked_in, cpu, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		cpu_relax();
	smp_fn(cpu);
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

static bool start_ap(unsigned int cpu)
{
	__atomic_store_n(&ap_next, cpu, __ATOMIC_RELEASE);
	__atomic_store_n(&smp_ap_stack, (unsigned long)&ap_stacks[cpu][AP_STACK_SIZE], __ATOMIC_RELEASE);
	icr_send(cpu, ICR_INIT_ASSERT);
	for (unsigned int sipi = 0; sipi < 2; sipi++) {
		icr_send(cpu, ICR_STARTUP | SMP_SIPI_VECTOR);
		if (wait_check_in(cpu))
			return true;
	}
	return false;
}

unsigned int guest_smp_start(unsigned int nr_cpus, guest_smp_fn fn)
{
	unsigned long cr3;
	unsigned int online = 1;

	if (nr_cpus > GUEST_SMP_MAX_CPUS)
		nr_cpus = GUEST_SMP_MAX_CPUS;
	__asm__ __volatile__("mov %%cr3, %0" : "=r"(cr3));
	memcpy((void *)SMP_TRAMPOLINE_BASE, smp_trampoline_start,
	       (size_t)(smp_trampoline_end - smp_trampoline_start));
	/* the BSP's page tables: pml4 lies below 4 GiB (image at 1 MiB) */
	*(volatile uint32_t *)(SMP_TRAMPOLINE_BASE +
		((const unsigned char *)&smp_trampoline_cr3 - smp_trampoline_start)) = (uint32_t)cr3;
	smp_fn = fn;
	for (unsigned int cpu = 1; cpu < nr_cpus; cpu++) {
		if (!start_ap(cpu)) {
			report_info("CPU %u (APIC ID %u) did not answer INIT-SIPI-SIPI", cpu, cpu);
			break;
		}
		online++;
	}
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	fn(0);
	for (unsigned int i = 0; i < CHECK_IN_SPINS * 10u; i++) {
		if (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) == online - 1)
			return online;
		cpu_relax();
	}
	report_info("%u of %u APs returned from the function",
		    __atomic_load_n(&finished, __ATOMIC_ACQUIRE), online - 1);
	return 1 + __atomic_load_n(&finished, __ATOMIC_ACQUIRE);
}
