/* SPDX-License-Identifier: MIT */
/*
 * x86-hello: the smallest libhyp kernel. Detect the hypervisor, print what
 * was found, make a KVM hypercall if KVM is there, print its answer.
 * Boots as a PVH ELF under QEMU (TCG), Xen, or the nested KVM.
 */
#include <guest/test.h>
#include <hyp/hyp.h>

void test_main(void)
{
	const struct hyp_info *info;
	int ret;

	hyp_init(NULL);
	info = hyp_get_info();
	printf("hello from libhyp: hypervisor %s, signature \"%s\"\n",
	       hyp_kind_name(info->kind), info->signature);

	ret = hyp_kvm_vapic_poll_irq();
	if (info->families & HYP_FAMILY_KVM)
		printf("KVM at cpuid %x, features %x: KVM_HC_VAPIC_POLL_IRQ answered %d (%s)\n",
		       info->x86_kvm_base, info->kvm_features, ret, hyp_strerror(ret));
	else
		printf("no KVM here: the call returned %s without a hypercall\n", hyp_strerror(ret));
	report(ret == 0 || (!(info->families & HYP_FAMILY_KVM) && ret == HYP_ENOHYP),
	       "hypercall answered as the hypervisor allows");
}
