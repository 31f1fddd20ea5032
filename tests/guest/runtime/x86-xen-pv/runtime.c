/* SPDX-License-Identifier: MIT */
/*
 * x86_64 Xen PV runtime: console through console_io, exit through
 * isa-debug-exit after PHYSDEVOP_set_iopl, exceptions through the trap
 * table. Calls go straight through the page Xen wrote (the library's
 * unconditional page stubs), so the runtime works before hyp_init().
 */
#include <guest/test.h>
#include <guest/trap.h>
#include <guest/xen_pv.h>
#include <hyp/hyp.h>
#include <hyp/x86/xen_pv.h>

#define DEBUG_EXIT_PORT 0xf4    /* isa-debug-exit: QEMU exits (value << 1) | 1 */
#define EXIT_PASS       0
#define EXIT_FAIL       1
#define FLAT_KERNEL_CS64 0xe033 /* arch-x86/xen-x86_64.h */

HYP_XEN_PV_HYPERCALL_PAGE(xen_pv_hypercall_page);

/* arch-x86/xen.h: set_trap_table entries, ended by address 0. */
struct trap_info {
	uint8_t vector;
	uint8_t flags;              /* bits 0-1: DPL allowed to use int $vector */
	uint16_t cs;
	unsigned long address;
};

extern const unsigned long xen_pv_vector_table[32];
extern const struct hyp_xen_start_info *xen_pv_start_info_va;

static struct trap_info traps[33];
static bool exiting;
static char line[128];
static size_t line_len;

void xen_pv_runtime_init(void);
void xen_pv_trap(unsigned long vector, const unsigned long *frame);

const struct hyp_xen_start_info *xen_pv_start_info(void)
{
	return xen_pv_start_info_va;
}

void xen_pv_runtime_init(void)
{
	for (unsigned int v = 0; v < 32; v++)
		traps[v] = (struct trap_info){ .vector = (uint8_t)v, .cs = FLAT_KERNEL_CS64,
					       .address = xen_pv_vector_table[v] };
	hyp_xen_page_call1(xen_pv_hypercall_page, HYP_XEN_HYPERCALL_set_trap_table,
			   (unsigned long)traps);
}

static void flush(void)
{
	if (line_len)
		hyp_xen_page_call3(xen_pv_hypercall_page, HYP_XEN_HYPERCALL_console_io,
				   HYP_XEN_CONSOLEIO_write, line_len, (unsigned long)line);
	line_len = 0;
}

void arch_putchar(char c)
{
	line[line_len++] = c;
	if (c == '\n' || line_len == sizeof(line))
		flush();
}

/* Exceptions with an error code below rip in Xen's frame (rcx, r11, [error], rip). */
static bool has_error_code(unsigned long v)
{
	return v == 8 || (v >= 10 && v <= 14) || v == 17 || v == 21 || v == 29 || v == 30;
}

/* The last resort when the exit port faults: Xen's reboot ends QEMU (-no-reboot) with rc 0, a failure. */
static void __attribute__((noreturn)) give_up(void)
{
	struct hyp_xen_sched_shutdown_args reboot = { .reason = HYP_XEN_SHUTDOWN_reboot };

	for (;;)
		hyp_xen_page_call2(xen_pv_hypercall_page, HYP_XEN_HYPERCALL_sched_op,
				   HYP_XEN_SCHEDOP_shutdown, (unsigned long)&reboot);
}

void xen_pv_trap(unsigned long vector, const unsigned long *frame)
{
	unsigned long error = has_error_code(vector) ? frame[2] : 0;
	unsigned long ip = frame[has_error_code(vector) ? 3 : 2];

	if (exiting)
		give_up();
	guest_trap_unhandled(vector, ip, "vector %lu, error 0x%lx", vector, error);
}

void arch_exit(bool pass)
{
	struct hyp_xen_physdev_set_iopl iopl = { .iopl = 3 };
	uint32_t value = pass ? EXIT_PASS : EXIT_FAIL;

	flush();
	exiting = true;
	hyp_xen_page_call2(xen_pv_hypercall_page, HYP_XEN_HYPERCALL_physdev_op,
			   HYP_XEN_PHYSDEVOP_set_iopl, (unsigned long)&iopl);
	__asm__ __volatile__("outl %0, %1" : : "a"(value), "Nd"((uint16_t)DEBUG_EXIT_PORT));
	give_up();
}

bool guest_cmdline_get(const char *key, char *buf, size_t size)
{
	const struct hyp_xen_start_info *si = xen_pv_start_info();

	if (!si)
		return false;
	return guest_cmdline_value((const char *)si->cmd_line, sizeof(si->cmd_line), key, buf, size);
}
