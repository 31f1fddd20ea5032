/* SPDX-License-Identifier: MIT */
/* x86 Xen typed hypercalls that exist on x86 only (the others: lib/xen_calls.c). */
#include "xen_internal.h"

/* A pointer argument: the virtual address in an argument register. */
static unsigned long arg(const void *p)
{
	return (unsigned long)(uintptr_t)p;
}

int hyp_xen_set_iopl(uint32_t iopl)
{
	struct hyp_xen_physdev_set_iopl op = { .iopl = iopl };

	if (iopl > 3)
		return HYP_EINVAL;
	return hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_physdev_op,
						HYP_XEN_PHYSDEVOP_set_iopl, arg(&op)));
}
