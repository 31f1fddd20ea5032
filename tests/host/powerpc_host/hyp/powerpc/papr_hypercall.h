/* SPDX-License-Identifier: MIT */
/* Host stand-in for papr_hypercall.h: `sc 1` a call of host_ppc_call() (opcode r3, args r4.., outputs r4-r12). */
#ifndef HYP_POWERPC_PAPR_HYPERCALL_H
#define HYP_POWERPC_PAPR_HYPERCALL_H

#include <hyp/papr_abi.h>
#include <hyp/powerpc/regs.h>

struct hyp_papr_out {
	unsigned long r[9];
};

#define HOST_PAPR(n) HOST_PPC_STUB(HOST_PPC_PAPR, hyp_papr_hvsc##n, unsigned long, hyp_papr_out, \
				   n, HOST_PPC_ARGS##n)                          \
	HOST_PPC_GATED(hyp_papr_gate, hyp_papr_hypercall##n, unsigned long, hyp_papr_out, n, \
		       hyp_papr_hvsc##n)
HOST_PAPR(0)
HOST_PAPR(1)
HOST_PAPR(2)
HOST_PAPR(3)
HOST_PAPR(4)

#endif /* HYP_POWERPC_PAPR_HYPERCALL_H */
