/* SPDX-License-Identifier: MIT */
/*
 * aarch64 guest runtime: console, exit, exceptions, boot information.
 *
 * Console: QEMU virt's PL011 at 0x09000000 (UARTDR +0, UARTFR +0x18, TXFF
 * bit 5; the KVM loader emulates the same two registers); under Xen, which
 * owns the UART, the hypervisor console (console_io write, a line at a time).
 * Exit: the tree's /libhyp-exit node (the KVM loader: a 32-bit register at
 * +0 taking the code and ending the run, one at +4 keeping a verdict for a
 * later PSCI system event) if present, else semihosting SYS_EXIT (`hlt #0xf000`,
 * w0 = 0x18, x1 = {ADP_Stopped_ApplicationExit, code}; QEMU needs
 * -semihosting-config enable=on,target=native) with 1 pass, 3 fail, so that
 * QEMU's own 0 (every power-off path) never reads as pass; then PSCI
 * SYSTEM_OFF and a wfi loop.
 */
#include <guest/arm64.h>
#include <guest/test.h>
#include <hyp/fdt.h>
#include <hyp/hyp.h>

#define PL011_BASE      0x09000000ul
#define PL011_DR        0x00
#define PL011_FR        0x18
#define PL011_FR_TXFF   (1u << 5)

#define SEMIHOSTING_SYS_EXIT            0x18
#define ADP_STOPPED_APPLICATION_EXIT    0x20026

volatile unsigned int guest_arm64_traps;

static const void *boot_fdt;
static size_t boot_fdt_size;
static const char *boot_cmdline = "";
static unsigned int boot_el;
static bool on_xen;
static volatile uint32_t *exit_reg;
static char line[128];
static unsigned int line_len;

const void *guest_fdt(void) { return boot_fdt; }
size_t guest_fdt_size(void) { return boot_fdt_size; }
const char *guest_cmdline(void) { return boot_cmdline; }
unsigned int guest_entry_el(void) { return boot_el; }
bool guest_on_xen(void) { return on_xen; }

bool guest_cmdline_has(const char *word)
{
	size_t n = strlen(word);

	for (const char *p = boot_cmdline; *p; p++) {
		if ((p == boot_cmdline || p[-1] == ' ') && !memcmp(p, word, n) &&
		    (p[n] == '\0' || p[n] == ' '))
			return true;
	}
	return false;
}

static void pl011_put(char c)
{
	volatile uint32_t *uart = (volatile uint32_t *)PL011_BASE;
	unsigned int spins = 100000;

	while ((uart[PL011_FR / 4] & PL011_FR_TXFF) && --spins)
		;
	uart[PL011_DR / 4] = (uint8_t)c;
}

void guest_exit_hook(bool pass) __attribute__((weak));
void guest_xen_console_hook(const char *text, size_t len) __attribute__((weak));
void guest_irq_hook(unsigned int intid) __attribute__((weak));

bool guest_cmdline_get(const char *key, char *buf, size_t size)
{
	return guest_cmdline_value(boot_cmdline, SIZE_MAX, key, buf, size);
}

static void xen_flush(void)
{
	if (line_len && guest_xen_console_hook)
		guest_xen_console_hook(line, line_len);
	else if (line_len)
		hyp_xen_hvc3(HYP_XEN_HYPERCALL_console_io, HYP_XEN_CONSOLEIO_write,
			     line_len, (unsigned long)(uintptr_t)line);
	line_len = 0;
}

void arch_putchar(char c)
{
	if (on_xen) {
		line[line_len++] = c;
		if (c == '\n' || line_len == sizeof(line))
			xen_flush();
		return;
	}
	if (c == '\n')
		pl011_put('\r');
	pl011_put(c);
}

void guest_arm64_post_verdict(bool pass)
{
	xen_flush();
	if (exit_reg)
		exit_reg[1] = pass ? GUEST_ARM64_EXIT_PASS : GUEST_ARM64_EXIT_FAIL;
}

void arch_exit(bool pass)
{
	uint64_t code = pass ? GUEST_ARM64_EXIT_PASS : GUEST_ARM64_EXIT_FAIL;
	uint64_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, code };

	xen_flush();
	if (guest_exit_hook)
		guest_exit_hook(pass);
	if (exit_reg) {
		*exit_reg = (uint32_t)code;
	} else {
		register uint64_t x0 __asm__("x0") = SEMIHOSTING_SYS_EXIT;
		register uint64_t x1 __asm__("x1") = (uint64_t)(uintptr_t)block;

		__asm__ __volatile__("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
	}
	for (;;)
		__asm__ __volatile__("wfi");
}

void arm64_exception(struct guest_frame *frame, unsigned int index);
void arm64_exception(struct guest_frame *frame, unsigned int index)
{
	unsigned int ec = ARM64_EC(frame->esr);

	guest_arm64_traps++;
	if (index % 4 == 0 && guest_trap_handled(ec, frame))
		return;
	if (index % 4 == 1 && guest_irq_hook) {         /* IRQ: GICv3 acknowledge, hook, EOI */
		uint64_t iar;

		__asm__ __volatile__("mrs %0, S3_0_C12_C12_0" : "=r"(iar));   /* ICC_IAR1_EL1 */
		if ((iar & 0xffffff) < 1020) {
			guest_irq_hook((unsigned int)(iar & 0xffffff));
			__asm__ __volatile__("msr S3_0_C12_C12_1, %0; isb" : : "r"(iar));  /* ICC_EOIR1_EL1 */
		}
		return;
	}
	guest_trap_unhandled(ec, (unsigned long)frame->elr, "vector %u ESR 0x%lx (EC 0x%x) FAR 0x%lx",
			     index, (unsigned long)frame->esr, ec, (unsigned long)frame->far);
}

static uint32_t be32(const void *p)
{
	const uint8_t *b = p;

	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

static void read_tree(void)
{
	struct hyp_fdt fdt;
	const void *val;
	uint32_t len;
	int node;

	if (!boot_fdt || be32(boot_fdt) != HYP_FDT_MAGIC)
		return;
	boot_fdt_size = be32((const uint8_t *)boot_fdt + 4);
	if (hyp_fdt_open(&fdt, boot_fdt, boot_fdt_size) < 0)
		return;
	node = hyp_fdt_path_offset(&fdt, "/chosen");
	if (node >= 0 && hyp_fdt_getprop(&fdt, node, "bootargs", &val, &len) == 0 && len &&
	    ((const char *)val)[len - 1] == '\0')
		boot_cmdline = val;
	node = hyp_fdt_path_offset(&fdt, "/hypervisor");
	if (node >= 0 && hyp_fdt_getprop(&fdt, node, "compatible", &val, &len) == 0)
		on_xen = hyp_fdt_stringlist_contains(val, len, "xen,xen");
	node = hyp_fdt_path_offset(&fdt, "/libhyp-exit");
	if (node >= 0 && hyp_fdt_getprop(&fdt, node, "reg", &val, &len) == 0 && len == 16)
		exit_reg = (volatile uint32_t *)(uintptr_t)((uint64_t)be32(val) << 32 |
							      be32((const uint8_t *)val + 4));
}

void guest_main(void);
void arm64_boot(const void *fdt, unsigned int el);
void arm64_boot(const void *fdt, unsigned int el)
{
	boot_fdt = fdt;
	boot_el = el;
	read_tree();
	guest_main();
}
