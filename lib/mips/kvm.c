/* SPDX-License-Identifier: MIT */
/* MIPS KVM typed hypercalls (numbers 6-8; see include/hyp/hyp.h). */
#include "../internal.h"

int hyp_kvm_mips_get_clock_freq(void)
{
	return hyp_kvm_answer(hyp_kvm_hypercall0(HYP_KVM_HC_MIPS_GET_CLOCK_FREQ));
}

int hyp_kvm_mips_exit_vm(void)
{
	return hyp_kvm_answer(hyp_kvm_hypercall0(HYP_KVM_HC_MIPS_EXIT_VM));
}

/*
 * The unmapped segment holding `addr`, 0 for a mapped one: KSEG0 and KSEG1
 * (0x80000000-0xbfffffff, sign-extended on 64-bit) and, on 64-bit, each
 * cache-attribute window of XKPHYS (0x8000000000000000-0xbfffffffffffffff).
 */
static unsigned int unmapped_segment(unsigned long addr)
{
#if __SIZEOF_LONG__ == 8
	if ((addr >> 62) == 2)      /* 0x8000000000000000-0xbfffffffffffffff */
		return 3 + (unsigned int)((addr >> 59) & 7);
	if (addr < 0xffffffff80000000ul || addr > 0xffffffffbffffffful)
		return 0;
#else
	if (addr < 0x80000000ul || addr > 0xbffffffful)
		return 0;
#endif
	return 1 + (unsigned int)((addr >> 29) & 1);     /* KSEG0 1, KSEG1 2 */
}

/* The whole buffer lies in one unmapped segment. */
static bool unmapped_range(const char *buf, size_t len)
{
	unsigned long first = (unsigned long)buf;
	unsigned int seg = unmapped_segment(first);

	if (seg == 0)
		return false;
	if (len == 0)
		return true;
	return len - 1 <= ~0ul - first && unmapped_segment(first + (len - 1)) == seg;
}

/*
 * The gate is tested here and a closed gate's code returned as it is
 * (hyp_kvm_error() would make it HYP_EIO); hyp_kvm_hypcall3 is the
 * open half of hyp_kvm_hypercall3.
 */
int hyp_kvm_mips_console_output(uint32_t vterm, const char *buf, size_t len)
{
	unsigned int gate;
	long ret;

	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	if (buf && !unmapped_range(buf, len))
		return HYP_EFAULT;
	gate = hyp_gate_read(&hyp_kvm_gate);
	if (gate < HYP_GATE_OPEN)
		return (int)hyp_gate_error(gate);
	ret = hyp_kvm_hypcall3(HYP_KVM_HC_MIPS_CONSOLE_OUTPUT, vterm, (unsigned long)buf, len);
	/* A count is at most what was offered (docs/HOSTILE-INPUT.md class 2). */
	if (ret >= 0 && (unsigned long)ret > len)
		return HYP_EIO;
	return hyp_kvm_error(ret);
}

int hyp_kvm_mips_console_write(uint32_t vterm, const char *buf, size_t len)
{
	size_t done = 0;
	unsigned int stalls = 0;

	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	if (len == 0)
		return 0;
	if (!unmapped_range(buf, len))
		return HYP_EFAULT;
	while (done < len) {
		int ret = hyp_kvm_mips_console_output(vterm, buf + done, len - done);

		if (ret < 0)
			return ret;     /* an error is an error, whatever went before */
		if (ret == 0) {
			if (++stalls >= HYP_KVM_MIPS_CONSOLE_STALLS)
				return done ? (int)done : HYP_EAGAIN;
			continue;
		}
		stalls = 0;
		done += (size_t)ret;
	}
	return (int)done;
}
