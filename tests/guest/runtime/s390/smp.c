/* SPDX-License-Identifier: MIT */
/*
 * s390x secondary CPUs by SIGNAL PROCESSOR (Principles of Operation,
 * chapter 4, "Signal-Processor Orders"): for CPU address n, initial CPU
 * reset, set prefix to its own 8 KiB lowcore (a copy of CPU 0's new PSWs),
 * a restart new PSW (lowcore 0x1a0) pointing at smp_ap_entry, then restart.
 * One CPU at a time, each on its own stack; then all CPUs are released
 * together into fn(cpu), and stopped (SIGP stop) once all have returned.
 * QEMU numbers CPU addresses 0..n-1.
 */
#include <guest/s390.h>
#include <guest/smp.h>
#include <guest/test.h>

#define SIGP_STOP               0x05
#define SIGP_RESTART            0x06
#define SIGP_INITIAL_CPU_RESET  0x0b
#define SIGP_SET_PREFIX         0x0d
#define SIGP_CC_BUSY            2
#define LOWCORE_SIZE            8192
#define LOWCORE_NEW_PSWS        512         /* the bytes copied from CPU 0 */
#define LOWCORE_RESTART_NEW_PSW 0x1a0
#define PSW_MASK_64             0x0000000180000000ull   /* EA, BA; DAT and interrupts off */
#define AP_STACK_SIZE           16384
#define CHECK_IN_US             5000000u

static uint8_t lowcores[GUEST_SMP_MAX_CPUS][LOWCORE_SIZE] __attribute__((aligned(LOWCORE_SIZE)));
static uint8_t ap_stacks[GUEST_SMP_MAX_CPUS][AP_STACK_SIZE] __attribute__((aligned(16)));
unsigned long smp_ap_stack;                 /* read by smp_ap_entry */
static unsigned int ap_next;
static unsigned int ap_checked_in;
static unsigned int go;
static unsigned int finished;
static guest_smp_fn smp_fn;

void smp_ap_main(void);
void smp_ap_entry(void);

/* The restart PSW's target: a stack, then C. */
__asm__(".section .text\n"
	".globl smp_ap_entry\n"
	"smp_ap_entry:\n"
	"	larl	%r1, smp_ap_stack\n"
	"	lg	%r15, 0(%r1)\n"
	"	aghi	%r15, -160\n"
	"	lghi	%r0, 0\n"
	"	stg	%r0, 0(%r15)\n"
	"	brasl	%r14, smp_ap_main\n"
	"	j	.\n");

/* SIGP order to `cpu` with `param` (in the odd register of the r2/r3 pair); the condition code. */
static unsigned int sigp(uint16_t cpu, unsigned long order, unsigned long param)
{
	register unsigned long status __asm__("r2") = 0;
	register unsigned long parm __asm__("r3") = param;
	unsigned int cc;

	__asm__ __volatile__("sigp	%%r2, %[cpu], 0(%[order])\n\t"
			     "ipm	%[cc]\n\t"
			     "srl	%[cc], 28"
			     : [cc] "=&d"(cc), "+d"(status)
			     : "d"(parm), [cpu] "d"((unsigned long)cpu), [order] "a"(order)
			     : "cc", "memory");
	return cc;
}

static unsigned int sigp_retry(uint16_t cpu, unsigned long order, unsigned long param)
{
	unsigned int cc;

	while ((cc = sigp(cpu, order, param)) == SIGP_CC_BUSY)
		;
	return cc;
}

void smp_ap_main(void)
{
	unsigned int cpu = __atomic_load_n(&ap_next, __ATOMIC_ACQUIRE);

	__atomic_store_n(&ap_checked_in, cpu, __ATOMIC_RELEASE);
	while (!__atomic_load_n(&go, __ATOMIC_ACQUIRE))
		;
	smp_fn(cpu);
	__atomic_fetch_add(&finished, 1, __ATOMIC_RELEASE);
	for (;;)
		;
}

/* Copy CPU 0's lowcore (absolute 0, its prefix) new PSWs. */
static void copy_lowcore0(uint8_t *to)
{
	__asm__ __volatile__("mvc	0(256,%[to]), 0\n\t"
			     "mvc	256(256,%[to]), 256"
			     : : [to] "a"(to) : "memory");
}

static bool start_ap(unsigned int cpu)
{
	uint8_t *lc = lowcores[cpu];
	uint64_t *restart_psw = (uint64_t *)(lc + LOWCORE_RESTART_NEW_PSW);
	uint64_t start;

	__atomic_store_n(&ap_next, cpu, __ATOMIC_RELEASE);
	__atomic_store_n(&smp_ap_stack, (unsigned long)&ap_stacks[cpu][AP_STACK_SIZE],
			 __ATOMIC_RELEASE);
	if (sigp_retry((uint16_t)cpu, SIGP_INITIAL_CPU_RESET, 0) != 0)
		return false;
	copy_lowcore0(lc);
	restart_psw[0] = PSW_MASK_64;
	restart_psw[1] = (uint64_t)(uintptr_t)smp_ap_entry;
	if (sigp_retry((uint16_t)cpu, SIGP_SET_PREFIX, (unsigned long)lc) != 0 ||
	    sigp_retry((uint16_t)cpu, SIGP_RESTART, 0) != 0)
		return false;
	start = guest_s390_time_us();
	while (guest_s390_time_us() - start < CHECK_IN_US)
		if (__atomic_load_n(&ap_checked_in, __ATOMIC_ACQUIRE) == cpu)
			return true;
	return false;
}

unsigned int guest_smp_start(unsigned int nr_cpus, guest_smp_fn fn)
{
	unsigned int online = 1;
	uint64_t start;

	if (nr_cpus > GUEST_SMP_MAX_CPUS)
		nr_cpus = GUEST_SMP_MAX_CPUS;
	smp_fn = fn;
	for (unsigned int cpu = 1; cpu < nr_cpus; cpu++) {
		if (!start_ap(cpu)) {
			report_info("CPU %u did not start (SIGP)", cpu);
			break;
		}
		online++;
	}
	__atomic_store_n(&go, 1, __ATOMIC_RELEASE);
	fn(0);
	start = guest_s390_time_us();
	while (guest_s390_time_us() - start < 10 * CHECK_IN_US) {
		if (__atomic_load_n(&finished, __ATOMIC_ACQUIRE) == online - 1) {
			/* stopped CPUs let QEMU end the machine at CPU 0's disabled wait */
			for (unsigned int cpu = 1; cpu < online; cpu++)
				sigp_retry((uint16_t)cpu, SIGP_STOP, 0);
			return online;
		}
	}
	report_info("%u of %u CPUs returned from the function",
		    __atomic_load_n(&finished, __ATOMIC_ACQUIRE), online - 1);
	return 1 + __atomic_load_n(&finished, __ATOMIC_ACQUIRE);
}
