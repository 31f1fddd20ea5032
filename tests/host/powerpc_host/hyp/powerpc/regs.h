/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/powerpc/include/hyp/powerpc/regs.h (first on the
 * include path of the PowerPC hostile harness): each stand-in stub hands
 * its register file to the test's hypervisor, host_ppc_call(), which
 * answers the status register and the output registers.
 */
#ifndef HYP_POWERPC_REGS_H
#define HYP_POWERPC_REGS_H

#include <hyp/gate.h>
#include <hyp/stub.h>

enum host_ppc_family { HOST_PPC_PAPR, HOST_PPC_EPAPR, HOST_PPC_OSI };

/* nr: PAPR opcode, ePAPR token, OSI selector; a[] the argument registers; out[] the outputs. */
long host_ppc_call(enum host_ppc_family fam, unsigned long nr, const unsigned long a[9],
		   unsigned long *out, unsigned int nout);

#define HOST_PPC_STUB(fam, name, nrtype, outtype, n, ...)                       \
	static inline long name(nrtype nr HYP_STUB_PARAMS##n, struct outtype *out) \
	{                                                                       \
		const unsigned long a[9] = { __VA_ARGS__ };                     \
		unsigned long r[9];                                             \
		long st = host_ppc_call(fam, nr, a, r, sizeof(out->r) / sizeof(out->r[0])); \
		if (out)                                                        \
			for (unsigned int i = 0; i < sizeof(out->r) / sizeof(out->r[0]); i++) \
				out->r[i] = r[i];                               \
		return st;                                                      \
	}
#define HOST_PPC_GATED(gatevar, name, nrtype, outtype, n, open)                 \
	static inline long name(nrtype nr HYP_STUB_PARAMS##n, struct outtype *out) \
	{ HYP_GATE_CHECK(gatevar); return open(nr HYP_STUB_ARGS##n, out); }

#define HOST_PPC_ARGS0          0
#define HOST_PPC_ARGS1          p1
#define HOST_PPC_ARGS2          p1, p2
#define HOST_PPC_ARGS3          p1, p2, p3
#define HOST_PPC_ARGS4          p1, p2, p3, p4
#define HOST_PPC_ARGS5          p1, p2, p3, p4, p5
#define HOST_PPC_ARGS6          p1, p2, p3, p4, p5, p6
#define HOST_PPC_ARGS7          p1, p2, p3, p4, p5, p6, p7
#define HOST_PPC_ARGS8          p1, p2, p3, p4, p5, p6, p7, p8

#endif /* HYP_POWERPC_REGS_H */
