/* SPDX-License-Identifier: MIT */
/*
 * An aarch64 kernel calling libhyp under QEMU virt (TCG, EL1: PSCI over
 * hvc from QEMU, no hypervisor). Entry and self-relocation:
 * examples/aarch64-hello/start.S (x0 = the device tree, or 0). Built two
 * ways by tests/host/check-kernel-aarch64.sh:
 *  - "pie": a static PIE Image linked at 0 (-pie -z text), loaded by QEMU at
 *    0x40000000 and relocated by itself; x0 holds the DTB. hyp_init() finds
 *    PSCI on hvc from /psci, hyp_clock_init() goes through the library's
 *    relocated pointers (its clock sources) and answers HYP_ENOHYP.
 *  - "nodtb": an ELF linked at 0x40000000, where QEMU puts no DTB (x0 = 0):
 *    hyp_init(NULL) answers HYP_ENOCONDUIT, nothing is executed, and the
 *    kernel's declared conduit (hvc) makes PSCI answer.
 * Console: semihosting SYS_WRITE0. Verdict: semihosting SYS_EXIT, QEMU's rc
 * 1 = passed, 3 = failed (never 0). No memcpy/memset here: libhyp.a asks
 * for none, and the kernel provides none.
 */
#include <hyp/fdt.h>
#include <hyp/hyp.h>

void kmain(const void *fdt);

static void semihost(uint64_t op, const void *arg)
{
	register uint64_t x0 __asm__("x0") = op;
	register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)arg;

	__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

static void put(const char *s)
{
	semihost(0x04, s);                          /* SYS_WRITE0 */
}

static int failures;

static void check(bool ok, const char *what)
{
	put(ok ? "ok: " : "FAILED: ");
	put(what);
	put("\n");
	failures += !ok;
}

static __attribute__((noreturn)) void finish(const char *name)
{
	static uint64_t block[2] = { 0x20026, 0 };  /* ADP_Stopped_ApplicationExit */

	put(name);
	put(failures ? ": FAIL\n" : ": PASS\n");
	block[1] = failures ? 3 : 1;
	semihost(0x18, block);                      /* SYS_EXIT */
	for (;;)
		__asm__ __volatile__("wfi");
}

static struct hyp_platform plat;                    /* zeroed: no memset needed */
static struct hyp_info info;

void kmain(const void *fdt)
{
	struct hyp_fdt tree;
	const struct hyp_info *got;
	int rc;

	if (fdt && hyp_fdt_open(&tree, fdt, 0x100000) == 0) {
		check((uintptr_t)&kmain >= 0x40000000u, "running at 0x4xxxxxxx, linked at 0");
		plat.fdt = fdt;
		plat.fdt_size = 0x100000;
		rc = hyp_init(&plat);
		got = hyp_get_info();
		check(rc == HYP_OK && got && got->arm_conduit == HYP_ARM_CONDUIT_HVC,
		      "hyp_init(tree): PSCI on hvc from /psci");
		check(got && got->arm_psci_version >= 0x10000, "PSCI_VERSION answered (>= 1.0)");
		check(hyp_psci_version() == (int)got->arm_psci_version, "hyp_psci_version() through the gate");
		check(hyp_clock_init(NULL) == HYP_ENOHYP, "hyp_clock_init(): no KVM PTP, HYP_ENOHYP");
		check(hyp_xen_version() == HYP_ENOHYP, "no Xen: HYP_ENOHYP");
		finish("aarch64 PIE kernel");
	}
	rc = hyp_init(NULL);
	got = hyp_get_info();
	check(rc == HYP_ENOCONDUIT, "no device tree, no conduit declared: hyp_init() = HYP_ENOCONDUIT");
	check(got && got->families == 0 && got->kind == HYP_KIND_NONE, "every family closed");
	check(hyp_psci_version() == HYP_ENOHYP, "PSCI refused without an instruction: HYP_ENOHYP");
	plat.arm_conduit = HYP_ARM_CONDUIT_HVC;
	rc = hyp_detect(&plat, &info);
	check(rc == HYP_OK && (info.families & HYP_FAMILY_SMCCC), "the kernel's word (hvc): SMCCC found");
	finish("aarch64 kernel without a device tree");
}
