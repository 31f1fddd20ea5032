/* SPDX-License-Identifier: MIT */
/* Host stand-in for osi_call.h: `sc` a call of host_ppc_call() (selector r5, args r6-r11, status r3, outputs r4-r9). */
#ifndef HYP_POWERPC_OSI_CALL_H
#define HYP_POWERPC_OSI_CALL_H

#include <hyp/osi_abi.h>
#include <hyp/powerpc/regs.h>

extern unsigned char hyp_osi_gate;

#define HOST_OSI(n) HOST_PPC_STUB(HOST_PPC_OSI, hyp_osi_sc##n, unsigned long, hyp_osi_out, \
				  n, HOST_PPC_ARGS##n)                           \
	HOST_PPC_GATED(hyp_osi_gate, hyp_osi_call##n, unsigned long, hyp_osi_out, n, hyp_osi_sc##n)
HOST_OSI(0)
HOST_OSI(1)
HOST_OSI(2)

#endif /* HYP_POWERPC_OSI_CALL_H */
