/* SPDX-License-Identifier: MIT */
/*
 * A kernel with no SBI below it (QEMU virt `-bios none`, start.S as xv6's
 * start: ecall from S-mode delegated to its own S-mode) calls hyp_init(NULL).
 * It must come back (no hang, no trap into the kernel's vector), say there
 * is no SBI, and leave the kernel's stvec and sstatus.SIE as they were.
 * Built lp64d with gcc (Debian's and xv6's default ABI), lp64 with clang.
 * Console: 16550 at 0x10000000; exit: sifive_test at 0x100000 (0x5555 pass,
 * 0x3333 | code << 16 fail).
 */
#include <stddef.h>
#include <stdint.h>
#include <hyp/hyp.h>

void kmain(void);
void s_trap_fatal(void);
void s_trap(void);
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

static unsigned int passed, failed;

/* The compiler may call these in freestanding code: the kernel provides them. */
void *memset(void *d, int c, size_t n)
{
	for (unsigned char *p = d; n--; )
		*p++ = (unsigned char)c;
	return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
	unsigned char *o = d;

	for (const unsigned char *i = s; n--; )
		*o++ = *i++;
	return d;
}

static void putc_uart(char c)
{
	volatile uint8_t *uart = (volatile uint8_t *)0x10000000;

	while (!(uart[5] & 0x20))
		;
	uart[0] = (uint8_t)c;
}

static void puts_uart(const char *s)
{
	while (*s)
		putc_uart(*s++);
}

static void put_dec(long v)
{
	char buf[24];
	int i = 0;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	if (v < 0)
		putc_uart('-');
	do
		buf[i++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	while (i)
		putc_uart(buf[--i]);
}

static void put_hex(unsigned long v)
{
	puts_uart("0x");
	for (int s = 60; s >= 0; s -= 4)
		putc_uart("0123456789abcdef"[v >> s & 15]);
}

static void check(int ok, const char *what)
{
	puts_uart(ok ? "PASS: " : "FAIL: ");
	puts_uart(what);
	putc_uart('\n');
	if (ok)
		passed++;
	else
		failed++;
}

static void finish(void)
{
	volatile uint32_t *test_dev = (volatile uint32_t *)0x100000;

	put_dec(passed);
	puts_uart(" passed, ");
	put_dec(failed);
	puts_uart(" failed\n");
	*test_dev = failed ? 0x3333u | 1u << 16 : 0x5555u;
	for (;;)
		__asm__ __volatile__("wfi");
}

void s_trap_fatal(void)
{
	unsigned long scause, sepc;

	__asm__ __volatile__("csrr %0, scause" : "=r"(scause));
	__asm__ __volatile__("csrr %0, sepc" : "=r"(sepc));
	puts_uart("FAIL: trap into the kernel's own vector, scause ");
	put_hex(scause);
	puts_uart(" at ");
	put_hex(sepc);
	putc_uart('\n');
	failed++;
	finish();
}

void kmain(void)
{
	const struct hyp_info *info;
	struct hyp_info d;
	struct hyp_platform no_sbi = { .riscv_no_sbi = true };
	unsigned long tvec, sstatus;
	int r;

	__asm__ __volatile__("csrs sstatus, 2");        /* SIE on (sie = 0: nothing arrives) */
	puts_uart("no-SBI kernel: calling hyp_init(NULL)\n");
	r = hyp_init(NULL);
	puts_uart("hyp_init(NULL) = ");
	put_dec(r);
	puts_uart(" (");
	puts_uart(hyp_strerror(r));
	puts_uart(")\n");
	check(r == HYP_OK, "hyp_init(NULL) returns HYP_OK");
	info = hyp_get_info();
	check(!(info->families & HYP_FAMILY_SBI) && info->kind == HYP_KIND_NONE,
	      "no SBI family, no hypervisor");
	__asm__ __volatile__("csrr %0, stvec" : "=r"(tvec));
	__asm__ __volatile__("csrr %0, sstatus" : "=r"(sstatus));
	check(tvec == (unsigned long)s_trap, "the kernel's stvec restored");
	check((sstatus & 2) != 0, "sstatus.SIE restored");
	check(hyp_sbi_console_write("x", 1) == HYP_ENOHYP, "hyp_sbi_console_write: HYP_ENOHYP");
	check(hyp_sbi_probe_extension(HYP_SBI_EXT_TIME) == HYP_ENOHYP,
	      "hyp_sbi_probe_extension: HYP_ENOHYP");
	check(hyp_sbi_hypercall0(HYP_SBI_EXT_BASE, 0).error == HYP_ENOHYP,
	      "hyp_sbi_hypercall0: HYP_ENOHYP, no ecall");
	check(hyp_detect(&no_sbi, &d) == HYP_OK && !(d.families & HYP_FAMILY_SBI),
	      "hyp_platform.riscv_no_sbi: no SBI family");
	check(hyp_detect(NULL, &d) == HYP_OK && (d.families & HYP_FAMILY_SBI),
	      "hyp_detect(NULL) is pure: S-mode assumes SBI, no ecall");
	finish();
}
