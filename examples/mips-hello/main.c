/* SPDX-License-Identifier: MIT */
/*
 * mips-hello: a malta kernel that talks KVM through libhyp. MIPS cannot ask
 * the CPU whether a hypervisor is there: the kernel declares it. No QEMU model
 * has the VZ ASE a KVM guest runs on, so HYPCALL raises Reserved Instruction
 * and mips_trap() answers as KVM would (nr in v0, arguments a0-a3, answer v0).
 * Console: 16550 UART at KSEG1 0xb80003f8. Exit: UHI semihosting (`sdbbp 1`,
 * t9 = 1, a0 = code; QEMU -semihosting exits with it): 1 = pass, 3 = fail.
 */
#include <hyp/hyp.h>

#define UART        ((volatile uint8_t *)(intptr_t)(int32_t)0xb80003f8u)
#define UART_LSR    5
#define LSR_THRE    0x20
#define EXC_RI      10          /* Cause.ExcCode: reserved instruction */
#define REG_V0      2
#define REG_A1      5
#define REG_A2      6
#define SLOT_EPC    32

void kernel_main(void);
void mips_trap(unsigned long *slots);

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

static void putc(char c)
{
	while (!(UART[UART_LSR] & LSR_THRE))
		;
	UART[0] = (uint8_t)c;
}

static void puts(const char *s)
{
	while (*s)
		putc(*s++);
}

static void __attribute__((noreturn)) exit_qemu(bool pass)
{
	register unsigned long a0 __asm__("$4"), t9 __asm__("$25");

	puts(pass ? "PASS\n" : "FAIL\n");
	a0 = pass ? 1 : 3;
	t9 = 1;                                         /* UHI exit */
	__asm__ __volatile__("sdbbp 1" : : "r"(a0), "r"(t9) : "memory");
	for (;;)
		;
}

/* The stand-in KVM host: GET_CLOCK_FREQ and CONSOLE_OUTPUT. */
void mips_trap(unsigned long *slots)
{
	unsigned long cause, nr = slots[REG_V0];

	__asm__ __volatile__("mfc0 %0, $13" : "=r"(cause));
	if (((cause >> 2) & 0x1f) != EXC_RI ||
	    *(const uint32_t *)slots[SLOT_EPC] != HYP_MIPS_HYPCALL_WORD)
		exit_qemu(false);                       /* not a hypercall */
	if (nr == HYP_KVM_HC_MIPS_GET_CLOCK_FREQ) {
		slots[REG_V0] = 100000000;              /* CP0 Count at 100 MHz */
	} else if (nr == HYP_KVM_HC_MIPS_CONSOLE_OUTPUT) {
		const char *buf = (const char *)slots[REG_A1];

		for (unsigned long i = 0; i < slots[REG_A2]; i++)
			putc(buf[i]);
		slots[REG_V0] = slots[REG_A2];          /* bytes taken */
	} else {
		slots[REG_V0] = (unsigned long)-HYP_KVM_ENOSYS;
	}
	slots[SLOT_EPC] += 4;                           /* past the hypcall */
}

void kernel_main(void)
{
	static const char hello[] = "Hello from a MIPS guest, through KVM_HC_MIPS_CONSOLE_OUTPUT!\n";
	struct hyp_platform platform = { .declared_kind = HYP_KIND_KVM };
	int written, freq;

	if (hyp_init(&platform) != HYP_OK)
		exit_qemu(false);
	puts("libhyp found: ");
	puts(hyp_kind_name(hyp_get_info()->kind));
	puts(" (declared by this kernel)\n");
	written = hyp_kvm_mips_console_write(0, hello, sizeof(hello) - 1);
	freq = hyp_kvm_mips_get_clock_freq();
	puts(freq == 100000000 ? "CP0 Count runs at 100 MHz\n" : "clock frequency: wrong answer\n");
	exit_qemu(written == (int)sizeof(hello) - 1 && freq == 100000000);
}
