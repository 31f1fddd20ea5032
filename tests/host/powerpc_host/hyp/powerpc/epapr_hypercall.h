/* SPDX-License-Identifier: MIT */
/* Host stand-in for epapr_hypercall.h: the area a call of host_ppc_call() (token r11, args r3-r10, outputs r4-r11). */
#ifndef HYP_POWERPC_EPAPR_HYPERCALL_H
#define HYP_POWERPC_EPAPR_HYPERCALL_H

#include <stdint.h>

#include <hyp/epapr_abi.h>
#include <hyp/powerpc/regs.h>

struct hyp_epapr_out {
	unsigned long r[8];
};

#define HOST_EPAPR(n) HOST_PPC_STUB(HOST_PPC_EPAPR, hyp_epapr_area_call##n, uint32_t, hyp_epapr_out, \
				    n, HOST_PPC_ARGS##n)                         \
	HOST_PPC_GATED(hyp_epapr_gate, hyp_epapr_hypercall##n, uint32_t, hyp_epapr_out, n, \
		       hyp_epapr_area_call##n)
HOST_EPAPR(0)
HOST_EPAPR(1)
HOST_EPAPR(2)
HOST_EPAPR(3)
HOST_EPAPR(4)
HOST_EPAPR(5)
HOST_EPAPR(6)

#endif /* HYP_POWERPC_EPAPR_HYPERCALL_H */
