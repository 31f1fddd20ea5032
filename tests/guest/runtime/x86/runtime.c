/* SPDX-License-Identifier: MIT */
/* x86 runtime: IDT, trap dispatch, debugcon console, isa-debug-exit. */
#include <guest/test.h>
#include <guest/x86.h>

#define DEBUGCON_PORT   0xe9    /* QEMU -debugcon; Xen prints it as "(d0)"; the KVM loader too */
#define DEBUG_EXIT_PORT 0xf4    /* isa-debug-exit: QEMU exits (value << 1) | 1 */
#define EXIT_PASS       0
#define EXIT_FAIL       1

struct idt_gate {
	uint16_t offset_low;
	uint16_t selector;
	uint8_t ist;
	uint8_t type;               /* 0x8e: present, DPL 0, interrupt gate */
	uint16_t offset_mid;
#ifdef __x86_64__
	uint32_t offset_high;
	uint32_t reserved;
#endif
};

extern const unsigned long x86_vector_table[GUEST_TRAP_CAUSES];     /* vectors.S */
extern uint64_t pvh_start_info_paddr;

static struct idt_gate idt[GUEST_TRAP_CAUSES] __attribute__((aligned(16)));

void x86_runtime_init(void);
void x86_runtime_init_ap(void);
void x86_trap(struct guest_frame *regs);

void x86_runtime_init(void)
{
	struct {
		uint16_t limit;
		unsigned long base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (unsigned long)idt };

	for (unsigned int v = 0; v < GUEST_TRAP_CAUSES; v++) {
		unsigned long addr = x86_vector_table[v];

		idt[v].offset_low = (uint16_t)addr;
		idt[v].selector = 0x08;
		idt[v].type = 0x8e;
		idt[v].offset_mid = (uint16_t)(addr >> 16);
#ifdef __x86_64__
		idt[v].offset_high = (uint32_t)(addr >> 32);
#endif
	}
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

/* A secondary CPU: the same IDT (smp.c). */
void x86_runtime_init_ap(void)
{
	struct {
		uint16_t limit;
		unsigned long base;
	} __attribute__((packed)) idtr = { sizeof(idt) - 1, (unsigned long)idt };

	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}

void x86_trap(struct guest_frame *regs)
{
	if (guest_trap_handled((unsigned int)regs->vector, regs))
		return;
	guest_trap_unhandled(regs->vector, regs->ip, "vector %lu, error 0x%lx", regs->vector,
			     regs->error);
}

void arch_putchar(char c)
{
	outb(DEBUGCON_PORT, (uint8_t)c);
}

/* A test that is not alone on the machine (a Xen domU: port 0xf4 reaches no
 * QEMU device) ends itself here; defined by such a test, else absent. */
void guest_exit_hook(bool pass) __attribute__((weak));

void arch_exit(bool pass)
{
	if (guest_exit_hook)
		guest_exit_hook(pass);
	outl(DEBUG_EXIT_PORT, pass ? EXIT_PASS : EXIT_FAIL);
	for (;;)
		__asm__ __volatile__("cli; hlt");
}

const struct hvm_start_info *x86_start_info(void)
{
	const struct hvm_start_info *si =
		(const struct hvm_start_info *)(uintptr_t)pvh_start_info_paddr;

	if (!si || si->magic != HVM_START_MAGIC)
		return NULL;
	return si;
}

bool guest_cmdline_get(const char *key, char *buf, size_t size)
{
	const struct hvm_start_info *si = x86_start_info();

	if (!si || !si->cmdline_paddr)
		return false;
	return guest_cmdline_value((const char *)(uintptr_t)si->cmdline_paddr, SIZE_MAX, key, buf, size);
}
