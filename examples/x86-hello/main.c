/* SPDX-License-Identifier: MIT */
/*
 * x86-hello: the smallest libhyp kernel. Detect the hypervisor, make a KVM
 * hypercall if KVM is there, print the answer, report a verdict.
 * Console: QEMU's debugcon (port 0xE9, `-debugcon stdio`; Xen shows it as
 * "(d0) ..."). Exit: isa-debug-exit (`-device isa-debug-exit,iobase=0xf4,
 * iosize=0x04`), QEMU then exits with (value << 1) | 1: 1 = pass here.
 */
#include <hyp/hyp.h>

#define DEBUGCON_PORT   0xe9
#define DEBUG_EXIT_PORT 0xf4

void kernel_main(void);

/* The compiler may call these for this kernel's structure copies (libhyp.a calls neither). */
void *memset(void *dst, int c, size_t n)
{
	for (unsigned char *d = dst; n--;)
		*d++ = (unsigned char)c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	for (unsigned char *d = dst, *s = (unsigned char *)src; n--;)
		*d++ = *s++;
	return dst;
}

static void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" : : "a"(v), "Nd"(port));
}

static void puts(const char *s)
{
	while (*s)
		outb(DEBUGCON_PORT, (uint8_t)*s++);
}

static void put_dec(long v)
{
	char buf[24];
	unsigned long u = v < 0 ? 0 - (unsigned long)v : (unsigned long)v;
	int i = sizeof(buf) - 1;

	buf[i] = '\0';
	do
		buf[--i] = (char)('0' + u % 10);
	while ((u /= 10) && i > 1);
	if (v < 0)
		buf[--i] = '-';
	puts(buf + i);
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	puts(pass ? "PASS\n" : "FAIL\n");
	outb(DEBUG_EXIT_PORT, pass ? 0 : 1);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

void kernel_main(void)
{
	const struct hyp_info *info;
	int rc = hyp_init(NULL);    /* NULL: cpuid, identity virt_to_phys */

	info = hyp_get_info();
	if (rc || !info)
		exit_qemu(false);
	puts("hello from libhyp: hypervisor ");
	puts(hyp_kind_name(info->kind));
	puts(", signature \"");
	puts(info->signature);
	puts("\"\n");

	/* Without KVM the library refuses (HYP_ENOHYP) and executes nothing. */
	rc = hyp_kvm_vapic_poll_irq();
	puts(info->families & HYP_FAMILY_KVM ? "KVM_HC_VAPIC_POLL_IRQ answered " :
	     "no KVM here: the call returned, without a hypercall, ");
	put_dec(rc);
	puts(" (");
	puts(hyp_strerror(rc));
	puts(")\n");
	exit_qemu(info->families & HYP_FAMILY_KVM ? rc == 0 : rc == HYP_ENOHYP);
}
