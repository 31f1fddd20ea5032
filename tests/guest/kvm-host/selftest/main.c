/*
 * kvm-host selftest: checks the two KVM hypercall answers the loader's
 * environment must give, and prints ("kvm: ...") what the real KVM answers
 * to the other hypercalls so that tests can assert them.
 */
#include <stdint.h>

long hc_vmmcall(long nr, long a0, long a1, long a2, long a3);
long hc_vmcall(long nr, long a0, long a1, long a2, long a3);
extern uint8_t vmmcall_insn[], vmcall_insn[];
extern const uint8_t ap_tramp_start[], ap_tramp_end[];

#define LAPIC_ID  ((volatile uint32_t *)0xfee00020)
#define LAPIC_SVR ((volatile uint32_t *)0xfee000f0)
#define LAPIC_ICR_LO ((volatile uint32_t *)0xfee00300)
#define LAPIC_ICR_HI ((volatile uint32_t *)0xfee00310)
#define AP_FLAG ((volatile uint32_t *)0x7ff0)
#define AP_TRAMP ((uint8_t *)0x8000)
#define NO_SUCH_APIC 0x55

static int passed, failed;
static uint8_t clock_buf[64] __attribute__((aligned(64)));

static void outb(uint16_t port, uint8_t v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void outl(uint16_t port, uint32_t v)
{
	__asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}

static void puts_(const char *s)
{
	while (*s)
		outb(0xe9, (uint8_t)*s++);
}

static void put_hex(uint32_t v)
{
	int i;

	puts_("0x");
	for (i = 28; i >= 0; i -= 4)
		outb(0xe9, (uint8_t)"0123456789abcdef"[(v >> i) & 15]);
}

static void put_dec(long v)
{
	char b[12];
	int n = 0;
	unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;

	if (v < 0)
		outb(0xe9, '-');
	do
		b[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (n)
		outb(0xe9, (uint8_t)b[--n]);
}

static void check(const char *what, long got, long want)
{
	puts_(got == want ? "PASS: " : "FAIL: ");
	puts_(what);
	puts_(" = ");
	put_dec(got);
	if (got != want) {
		puts_(", want ");
		put_dec(want);
		failed++;
	} else {
		passed++;
	}
	puts_("\n");
}

static void report(const char *what, long got)
{
	puts_("kvm: ");
	puts_(what);
	puts_(" = ");
	put_dec(got);
	puts_("\n");
}

static void put_bytes(const uint8_t *p)
{
	int i;

	for (i = 0; i < 3; i++) {
		outb(0xe9, (uint8_t)"0123456789abcdef"[p[i] >> 4]);
		outb(0xe9, (uint8_t)"0123456789abcdef"[p[i] & 15]);
		if (i < 2)
			outb(0xe9, ' ');
	}
}

static void cpuid(uint32_t leaf, uint32_t r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(0));
}

/* INIT-SIPI-SIPI to APIC ID 1; 1 if it ran the trampoline, 0 if no answer */
static long start_ap(void)
{
	const uint8_t *p;
	uint8_t *d = AP_TRAMP;
	long spin;

	for (p = ap_tramp_start; p < ap_tramp_end; p++)
		*d++ = *p;
	*AP_FLAG = 0;
	*LAPIC_ICR_HI = 1u << 24;
	*LAPIC_ICR_LO = 0x4500;		/* INIT, assert */
	*LAPIC_ICR_HI = 1u << 24;
	*LAPIC_ICR_LO = 0x4600 | 0x08;	/* SIPI, vector 0x08 */
	/* an existing AP answers before the BSP resumes; ~0.1 s when absent */
	for (spin = 0; spin < 500000 && !*AP_FLAG; spin++)
		__asm__ volatile("pause");
	return (long)*AP_FLAG;
}

void selftest_main(uint32_t start_info)
{
	uint32_t r[4], sig[4], own;
	uint8_t before[3];

	puts_("kvm-host selftest\n");
	check("start_info magic", (long)*(volatile uint32_t *)start_info,
	      0x336ec578);

	cpuid(1, r);
	report("cpuid.1:ecx.hypervisor", (long)(r[2] >> 31));
	cpuid(0x40000000, sig);
	sig[0] = sig[1], sig[1] = sig[2], sig[2] = sig[3], sig[3] = 0;
	puts_("kvm: cpuid.0x40000000 signature = ");
	puts_((const char *)sig);
	puts_("\n");
	cpuid(0x40000001, r);
	puts_("kvm: cpuid.0x40000001 eax = ");
	put_hex(r[0]);
	puts_(" edx = ");
	put_hex(r[3]);
	puts_("\n");

	check("vmmcall VAPIC_POLL_IRQ(1)", hc_vmmcall(1, 0, 0, 0, 0), 0);
	check("vmmcall unknown(0x12345)", hc_vmmcall(0x12345, 0, 0, 0, 0), -1000);

	own = *LAPIC_ID >> 24;
	report("own APIC ID", (long)own);
	report("KICK_CPU(0, own)", hc_vmmcall(5, 0, (long)own, 0, 0));
	report("KICK_CPU(0, 1)", hc_vmmcall(5, 0, 1, 0, 0));
	report("KICK_CPU(0, 0x55 absent)", hc_vmmcall(5, 0, NO_SUCH_APIC, 0, 0));
	report("SEND_IPI(1, 0, 0, 0xf0) LAPIC sw-disabled",
	       hc_vmmcall(10, 1, 0, 0, 0xf0));
	report("SEND_IPI(1, 0, 0x55 absent, 0xf0)",
	       hc_vmmcall(10, 1, 0, NO_SUCH_APIC, 0xf0));
	*LAPIC_SVR = 0x1ff;
	report("SEND_IPI(1, 0, 0, 0xf0) LAPIC sw-enabled",
	       hc_vmmcall(10, 1, 0, 0, 0xf0));
	report("SEND_IPI(3, 0, 0, 0xf0) LAPIC sw-enabled",
	       hc_vmmcall(10, 3, 0, 0, 0xf0));
	report("AP 1 started by INIT/SIPI", start_ap());
	report("SCHED_YIELD(own)", hc_vmmcall(11, (long)own, 0, 0, 0));
	report("SCHED_YIELD(0x55 absent)", hc_vmmcall(11, NO_SUCH_APIC, 0, 0, 0));
	report("CLOCK_PAIRING(buf, 0)",
	       hc_vmmcall(9, (long)(uintptr_t)clock_buf, 0, 0, 0));
	puts_("kvm: clock_pairing buf sec.lo = ");
	put_hex(*(uint32_t *)clock_buf);
	puts_(" tsc.lo = ");
	put_hex(*(uint32_t *)(clock_buf + 16));
	puts_(" flags = ");
	put_hex(*(uint32_t *)(clock_buf + 24));
	puts_("\n");
	report("CLOCK_PAIRING(buf, 1 bad type)",
	       hc_vmmcall(9, (long)(uintptr_t)clock_buf, 1, 0, 0));
	report("MAP_GPA_RANGE(0x200000, 1, 0)", hc_vmmcall(12, 0x200000, 1, 0, 0));
	report("FEATURES(3)", hc_vmmcall(3, 0, 0, 0, 0));

	before[0] = vmmcall_insn[0], before[1] = vmmcall_insn[1],
	before[2] = vmmcall_insn[2];
	puts_("kvm: vmmcall bytes before ");
	put_bytes(before);
	puts_(" after ");
	put_bytes(vmmcall_insn);
	puts_("\n");
	before[0] = vmcall_insn[0], before[1] = vmcall_insn[1],
	before[2] = vmcall_insn[2];
	report("vmcall VAPIC_POLL_IRQ(1)", hc_vmcall(1, 0, 0, 0, 0));
	puts_("kvm: vmcall bytes before ");
	put_bytes(before);
	puts_(" after ");
	put_bytes(vmcall_insn);
	puts_("\n");
	report("vmcall (now patched site) unknown(0x12345)",
	       hc_vmcall(0x12345, 0, 0, 0, 0));

	put_dec(passed);
	puts_(" passed, ");
	put_dec(failed);
	puts_(" failed\n");
	outl(0xf4, failed ? 1 : 0);
	for (;;)
		__asm__ volatile("cli; hlt");
}
