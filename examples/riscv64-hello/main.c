/* SPDX-License-Identifier: MIT */
/*
 * riscv64-hello: a standalone S-mode kernel (its own entry, linker script,
 * console and exit) that asks libhyp what runs below it and prints through
 * the SBI console: DBCN where the implementation has it, else the legacy
 * putchar. Under OpenSBI the firmware answers; under KVM the hypervisor.
 * It ends the machine through QEMU virt's sifive_test device (code 1: all
 * went well, 3: something failed), which the KVM loader passes on.
 */
#include <hyp/hyp.h>

#define SIFIVE_TEST 0x100000ul

static unsigned int passed, failed;

/* A freestanding compiler may call these for this kernel's struct copies (libhyp.a calls neither). */
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n)
{
	unsigned char *d = dst;

	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	while (n--)
		*d++ = *s++;
	return dst;
}

static size_t len(const char *s)
{
	size_t n = 0;

	while (s[n])
		n++;
	return n;
}

static void say(const char *s)
{
	hyp_sbi_console_write(s, len(s));
}

static void say_hex(unsigned long v)
{
	char buf[19] = "0x";
	int i = 2, shift = 60;

	while (shift > 0 && !((v >> shift) & 0xf))
		shift -= 4;
	for (; shift >= 0; shift -= 4)
		buf[i++] = "0123456789abcdef"[(v >> shift) & 0xf];
	buf[i] = '\0';
	say(buf);
}

static void check(bool ok, const char *what)
{
	say(ok ? "PASS: " : "FAIL: ");
	say(what);
	say("\n");
	if (ok)
		passed++;
	else
		failed++;
}

static void __attribute__((noreturn)) power_off(bool ok)
{
	*(volatile uint32_t *)SIFIVE_TEST = 0x3333u | (ok ? 1u : 3u) << 16;
	for (;;)
		__asm__ __volatile__("wfi");
}

void kernel_main(unsigned long hartid, unsigned long dtb);
void kernel_main(unsigned long hartid, unsigned long dtb)
{
	static const char *const names[12] = { "BASE", "TIME", "IPI", "RFENCE", "HSM", "SRST",
						"PMU", "DBCN", "SUSP", "CPPC", "NACL", "STA" };
	const struct hyp_info *info;
	char digits[2] = { 0, 0 };

	(void)dtb;
	if (hyp_init(NULL) != HYP_OK || !(info = hyp_get_info()) ||
	    !(info->families & HYP_FAMILY_SBI))
		power_off(false);       /* no console to say it on */

	say("INFO: Hello from a riscv64 kernel, through the SBI console of ");
	say(hyp_sbi_impl_name(info->sbi_impl_id));
	say(info->sbi_hypervisor ? " (a hypervisor)\n" : " (firmware)\n");
	say("INFO: SBI spec ");
	digits[0] = (char)('0' + HYP_SBI_SPEC_MAJOR(info->sbi_spec_version) % 10);
	say(digits);
	say(".");
	digits[0] = (char)('0' + HYP_SBI_SPEC_MINOR(info->sbi_spec_version) % 10);
	say(digits);
	say(", implementation version ");
	say_hex(info->sbi_impl_version);
	say(", hart ");
	say_hex(hartid);
	say("\nINFO: extensions:");
	for (unsigned int bit = 0; bit < 12; bit++)
		if (info->sbi_extensions & (1u << bit)) {
			say(" ");
			say(names[bit]);
		}
	if (info->sbi_extensions & HYP_SBI_HAS_LEGACY_ALL)
		say(" legacy");
	say("\n");

	check(hyp_sbi_has(HYP_SBI_HAS_BASE), "BASE answered");
	check(hyp_sbi_probe_extension(HYP_SBI_EXT_HSM) > 0 &&
	      hyp_sbi_hart_get_status(hartid) == HYP_SBI_HSM_STATE_STARTED,
	      "HSM: this hart is started");
	check(hyp_sbi_console_write("", 0) == 0, "console took an empty write");
	say(failed ? "some checks failed\n" : "");
	/* The closing line the test runner reads (tests/guest/run-guest.sh). */
	digits[0] = (char)('0' + passed);
	say(digits);
	say(" passed, ");
	digits[0] = (char)('0' + failed);
	say(digits);
	say(" failed\n");
	power_off(failed == 0);
}
