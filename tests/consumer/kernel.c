/* SPDX-License-Identifier: MIT */
/* A kernel fragment as a libhyp user writes it: the consumer tests build it. */
#include <hyp/hyp.h>

long kernel_poll_host(void);

long kernel_poll_host(void)
{
	if (hyp_init(NULL) < 0)
		return -1;
	return hyp_kvm_vapic_poll_irq() + hyp_kvm_hypercall1(HYP_KVM_HC_SCHED_YIELD, 0);
}
