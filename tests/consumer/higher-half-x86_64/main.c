/* SPDX-License-Identifier: MIT */
/*
 * A higher-half kernel (-fno-pic -mcmodel=kernel, linked at
 * 0xffffffff80100000) calling libhyp under QEMU TCG: the library's code and
 * data run up there, detection names TCG, a KVM call is refused without an
 * instruction. Console: debugcon (port 0xE9). Verdict: isa-debug-exit
 * (0xF4), QEMU exits (value << 1) | 1: 1 passed, 3 failed; never rc 0.
 */
#include <hyp/hyp.h>

void kernel_main(void);

static void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void puts(const char *s)
{
	while (*s)
		outb(0xe9, (uint8_t)*s++);
}

static bool same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int failures;

static void check(bool ok, const char *what)
{
	puts(ok ? "ok: " : "FAILED: ");
	puts(what);
	puts("\n");
	failures += !ok;
}

void kernel_main(void)
{
	const uint64_t high = 0xffffffff80000000ull;
	const struct hyp_info *info;
	int rc = hyp_init(NULL);

	info = hyp_get_info();
	check((uint64_t)(uintptr_t)&hyp_init >= high && (uint64_t)(uintptr_t)info >= high,
	      "libhyp's code and data are in the higher half");
	check(rc == HYP_OK && info && info->kind == HYP_KIND_TCG, "hyp_init() found QEMU TCG");
	check(info && same(hyp_kind_name(info->kind), "QEMU TCG"), "hyp_kind_name() = \"QEMU TCG\"");
	check(hyp_kvm_vapic_poll_irq() == HYP_ENOHYP, "a KVM call without KVM: HYP_ENOHYP");
	check(same(hyp_strerror(HYP_ENOHYP), "HYP_ENOHYP"), "hyp_strerror(HYP_ENOHYP)");
	puts(failures ? "higher-half kernel: FAIL\n" : "higher-half kernel: PASS\n");
	outb(0xf4, failures ? 1 : 0);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}
