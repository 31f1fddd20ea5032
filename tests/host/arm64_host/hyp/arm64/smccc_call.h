/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/arm64/include/hyp/arm64/smccc_call.h (first on the
 * include path of the aarch64 hostile harness, built with __aarch64__):
 * the same names, each hvc/smc a call of host_smccc(), the test's firmware
 * (w0 function ID, x1-x7 arguments, x0-x3 results; Arm DEN0028). The gated
 * stubs keep the real ones' rule: a closed gate's code, nothing called.
 */
#ifndef HYP_ARM64_SMCCC_CALL_H
#define HYP_ARM64_SMCCC_CALL_H

#include <hyp/smccc.h>
#include <hyp/stub.h>

/* The firmware: `smc` for the SMC conduit, `v10` for the discovery stubs; x0-x3 into out. */
void host_smccc(int smc, int v10, uint32_t fid, const unsigned long a[7], unsigned long out[4]);

static inline long host_smccc_call(int smc, int v10, uint32_t fid, unsigned long a1,
				   unsigned long a2, unsigned long a3, unsigned long a4,
				   unsigned long a5, unsigned long a6, unsigned long a7,
				   struct hyp_smccc_res *res)
{
	const unsigned long a[7] = { a1, a2, a3, a4, a5, a6, a7 };
	unsigned long out[4];

	host_smccc(smc, v10, fid, a, out);
	if (res) {
		res->a0 = out[0];
		res->a1 = out[1];
		res->a2 = out[2];
		res->a3 = out[3];
	}
	return (long)out[0];
}

#define HOST_SMCCC_STUB(name, smc, v10, n, ...)                                 \
	static inline long name(uint32_t fid HYP_STUB_PARAMS##n, struct hyp_smccc_res *res) \
	{ return host_smccc_call(smc, v10, fid, __VA_ARGS__, res); }
#define HOST_SMCCC_PAIR(n, ...) HOST_SMCCC_STUB(hyp_smccc_hvc##n, 0, 0, n, __VA_ARGS__) \
	HOST_SMCCC_STUB(hyp_smccc_smc##n, 1, 0, n, __VA_ARGS__)

HOST_SMCCC_PAIR(0, 0, 0, 0, 0, 0, 0, 0)
HOST_SMCCC_PAIR(1, p1, 0, 0, 0, 0, 0, 0)
HOST_SMCCC_PAIR(2, p1, p2, 0, 0, 0, 0, 0)
HOST_SMCCC_PAIR(3, p1, p2, p3, 0, 0, 0, 0)
HOST_SMCCC_PAIR(4, p1, p2, p3, p4, 0, 0, 0)
HOST_SMCCC_PAIR(5, p1, p2, p3, p4, p5, 0, 0)
HOST_SMCCC_PAIR(6, p1, p2, p3, p4, p5, p6, 0)
HOST_SMCCC_PAIR(7, p1, p2, p3, p4, p5, p6, p7)
HOST_SMCCC_STUB(hyp_smccc_hvc_v10, 0, 1, 3, p1, p2, p3, 0, 0, 0, 0)
HOST_SMCCC_STUB(hyp_smccc_smc_v10, 1, 1, 3, p1, p2, p3, 0, 0, 0, 0)

/* The gated calls of arity n: any ID through hyp_smccc_gate, PSCI IDs only through hyp_psci_gate. */
#define HOST_SMCCC_GATE(gatevar, check, n, fid, res)                            \
	HYP_GATE_CHECK(gatevar);                                                \
	if (!(check))                                                           \
		return HYP_EINVAL;                                              \
	return host_smccc_call(gate == HYP_GATE_SMCCC_SMC, 0, fid, HOST_SMCCC_ARGS##n, res)
#define HOST_SMCCC_GATED(n)                                                     \
	static inline long hyp_smccc_hypercall##n(uint32_t fid HYP_STUB_PARAMS##n,  \
						  struct hyp_smccc_res *res)        \
	{ HOST_SMCCC_GATE(hyp_smccc_gate, 1, n, fid, res); }                    \
	static inline long hyp_psci_hypercall##n(uint32_t fid HYP_STUB_PARAMS##n,   \
						 struct hyp_smccc_res *res)         \
	{ HOST_SMCCC_GATE(hyp_psci_gate, hyp_smccc_is_psci(fid), n, fid, res); }
#define HOST_SMCCC_ARGS0        0, 0, 0, 0, 0, 0, 0
#define HOST_SMCCC_ARGS1        p1, 0, 0, 0, 0, 0, 0
#define HOST_SMCCC_ARGS2        p1, p2, 0, 0, 0, 0, 0
#define HOST_SMCCC_ARGS3        p1, p2, p3, 0, 0, 0, 0

HOST_SMCCC_GATED(0)
HOST_SMCCC_GATED(1)
HOST_SMCCC_GATED(2)
HOST_SMCCC_GATED(3)

#endif /* HYP_ARM64_SMCCC_CALL_H */
