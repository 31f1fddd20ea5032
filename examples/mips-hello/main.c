/* SPDX-License-Identifier: MIT */
/*
 * mips-hello: a malta kernel that talks KVM through libhyp.
 *
 * MIPS cannot ask the CPU whether a hypervisor is there, so the kernel says
 * so in struct hyp_platform. No QEMU model has the VZ ASE that a real KVM
 * guest would run on: HYPCALL raises Reserved Instruction here, and the few
 * lines of tiny_kvm() below play the KVM host, the way a real one would
 * answer (nr in v0, arguments in a0-a3, answer in v0).
 */
#include <guest/mips.h>
#include <guest/test.h>
#include <hyp/hyp.h>

/* The stand-in host: answers GET_CLOCK_FREQ and prints CONSOLE_OUTPUT. */
static bool tiny_kvm(struct mips_frame *f)
{
	unsigned long nr = f->regs[MIPS_REG_V0];
	const char *buf = (const char *)f->regs[MIPS_REG_A1];
	unsigned long len = f->regs[MIPS_REG_A2];

	if (*(const uint32_t *)f->epc != HYP_MIPS_HYPCALL_WORD)
		return false;                           /* a real reserved instruction */
	if (nr == HYP_KVM_HC_MIPS_GET_CLOCK_FREQ) {
		f->regs[MIPS_REG_V0] = 100000000;       /* CP0 Count at 100 MHz */
	} else if (nr == HYP_KVM_HC_MIPS_CONSOLE_OUTPUT) {
		for (unsigned long i = 0; i < len; i++)
			arch_putchar(buf[i]);
		f->regs[MIPS_REG_V0] = len;             /* bytes taken */
	} else {
		f->regs[MIPS_REG_V0] = (unsigned long)-HYP_KVM_ENOSYS;
	}
	f->epc += 4;                                    /* past the hypcall */
	return true;
}

void test_main(void)
{
	/* "INFO: " so the test runner shows the line in `ctest -L example --verbose`. */
	static const char hello[] = "INFO: Hello from a MIPS guest, through KVM_HC_MIPS_CONSOLE_OUTPUT!\n";
	struct hyp_platform platform = { .declared_kind = HYP_KIND_KVM };
	const struct hyp_info *info;
	int ret;

	guest_set_trap_handler(MIPS_EXC_RI, tiny_kvm);

	hyp_init(&platform);
	info = hyp_get_info();
	report_info("libhyp found: %s (declared by this kernel)", hyp_kind_name(info->kind));

	ret = hyp_kvm_mips_console_write(0, hello, sizeof(hello) - 1);
	report(ret == (int)sizeof(hello) - 1, "console hypercall wrote %d bytes", ret);

	ret = hyp_kvm_mips_get_clock_freq();
	report(ret > 0, "CP0 Count runs at %d Hz (%s)", ret, ret > 0 ? "HYP_OK" : hyp_strerror(ret));
}
