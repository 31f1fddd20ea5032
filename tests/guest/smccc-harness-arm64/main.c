/* SPDX-License-Identifier: MIT */
/*
 * Register contract of the aarch64 stubs, checked at EL1 (QEMU virt has no
 * EL2 to play the hypervisor here). This file builds the header-only stubs
 * with `svc` in place of the conduit (svc #0 for hvc, #1 for smc, #0xea1 for
 * Xen's hvc); the image's SVC handler is the harness:
 *   SMCCC 1.1 (hvc/smc N = 0..7): records x0-x17; answers x0-x3 = ~x0..~x3
 *     (x0: ~fid); x4-x17 untouched (preserved, DEN0028 1.1);
 *   SMCCC 1.0 (_v10, flagged by the test): as 1.1, and poisons x4-x17
 *     (corruptible before SMCCC 1.1, DEN0028);
 *   SMCCC 1.2 (_regs, flagged by the test): records x0-x17; answers
 *     x0-x17 = ~x0..~x17;
 *   Xen (hvc #0xEA1, N = 0..5): records x0-x4, x16; answers x0 = ~x16 and
 *     poisons x1-x4 and x16, as a debug Xen does (public/arch-arm.h).
 * The checks: every argument arrived in its register, every result came
 * back, and 28 values live across each call survive (a register missing from
 * a stub's outputs would hold one of them and come back poisoned).
 */
#define HYP_ARM64_HVC_INSN "svc #0"
#define HYP_ARM64_SMC_INSN "svc #1"
#define HYP_ARM64_XEN_INSN "svc #0xea1"
#include <guest/arm64.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define POISON 0xdeadbeefdead0000ul

static uint64_t seen[18];
static unsigned int seen_imm, calls;
static volatile bool regs_mode;      /* the next call is SMCCC 1.2 (_regs) */
static volatile bool v10_mode;       /* the next call is SMCCC 1.0 (_v10) */

static bool svc_harness(struct guest_frame *f)
{
	unsigned int imm = ARM64_ISS_IMM16(f->esr);

	calls++;
	seen_imm = imm;
	for (unsigned int i = 0; i < 18; i++)
		seen[i] = f->x[i];
	if (imm == 0xea1) {
		f->x[0] = ~f->x[16];
		for (unsigned int i = 1; i <= 4; i++)
			f->x[i] = POISON | i;
		f->x[16] = POISON | 16;
	} else if (regs_mode) {
		for (unsigned int i = 0; i < 18; i++)
			f->x[i] = ~f->x[i];
	} else {
		for (unsigned int i = 0; i < 4; i++)
			f->x[i] = ~f->x[i];
		for (unsigned int i = 4; v10_mode && i < 18; i++)
			f->x[i] = POISON | i;
	}
	return true;
}

#define A(i) (0xa000000000000000ul | (i) * 0x1111ul)
#define FID 0xc6000007u

static void check_smccc(const char *insn, unsigned int imm, unsigned int n, long r,
			const struct hyp_smccc_res *res)
{
	bool ok = seen_imm == imm && seen[0] == FID && (unsigned long)r == ~(unsigned long)FID &&
		  res->a0 == ~(unsigned long)FID;

	for (unsigned int i = 1; i <= n; i++)
		ok = ok && seen[i] == A(i);
	for (unsigned int i = 1; i <= 3; i++)
		ok = ok && (i > n || (&res->a0)[i] == ~A(i));
	report(ok, "%s%u: w0 = fid, x1..x%u = args, x0..x3 returned", insn, n, n);
}

/* 28 values live across the call, from volatile inputs the compiler cannot fold. */
static volatile unsigned long seed = 0x1234567;
#define LIVE_DECL \
	unsigned long v0 = seed, v1 = v0 * 3, v2 = v1 ^ 5, v3 = v2 + 7, v4 = v3 * 11, v5 = v4 ^ 13, \
		v6 = v5 + 17, v7 = v6 * 19, v8 = v7 ^ 23, v9 = v8 + 29, v10 = v9 * 31, v11 = v10 ^ 37, \
		v12 = v11 + 41, v13 = v12 * 43, v14 = v13 ^ 47, v15 = v14 + 53, v16 = v15 * 59, \
		v17 = v16 ^ 61, v18 = v17 + 67, v19 = v18 * 71, v20 = v19 ^ 73, v21 = v20 + 79, \
		v22 = v21 * 83, v23 = v22 ^ 89, v24 = v23 + 97, v25 = v24 * 101, v26 = v25 ^ 103, \
		v27 = v26 + 107
#define LIVE_SUM (v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + \
		  v14 + v15 + v16 + v17 + v18 + v19 + v20 + v21 + v22 + v23 + v24 + v25 + v26 + v27)
/* Each value stored after the call: all 28 must be held in registers across it. */
static volatile unsigned long sink[28];
#define LIVE_STORE do { sink[0] = v0; sink[1] = v1; sink[2] = v2; sink[3] = v3; sink[4] = v4; \
	sink[5] = v5; sink[6] = v6; sink[7] = v7; sink[8] = v8; sink[9] = v9; sink[10] = v10; \
	sink[11] = v11; sink[12] = v12; sink[13] = v13; sink[14] = v14; sink[15] = v15; \
	sink[16] = v16; sink[17] = v17; sink[18] = v18; sink[19] = v19; sink[20] = v20; \
	sink[21] = v21; sink[22] = v22; sink[23] = v23; sink[24] = v24; sink[25] = v25; \
	sink[26] = v26; sink[27] = v27; } while (0)

static unsigned long sink_sum(void)
{
	unsigned long sum = 0;

	for (unsigned int i = 0; i < 28; i++)
		sum += sink[i];
	return sum;
}
#define LIVE_SEP(x) __asm__ __volatile__("" : "+r"(x))

static unsigned long expected_sum(void)
{
	LIVE_DECL;
	return LIVE_SUM;
}

/* One function per stub, so that only that stub's clobbers shape the allocation. */
#define LIVE_FN(name, call) \
	__attribute__((noinline)) static unsigned long name(void) \
	{ \
		struct hyp_smccc_res res; \
		LIVE_DECL; \
		LIVE_SEP(v0); \
		call; \
		(void)res; \
		LIVE_STORE; \
		return sink_sum(); \
	}
LIVE_FN(live_hvc0, hyp_smccc_hvc0(FID, &res))
LIVE_FN(live_hvc1, hyp_smccc_hvc1(FID, A(1), &res))
LIVE_FN(live_hvc2, hyp_smccc_hvc2(FID, A(1), A(2), &res))
LIVE_FN(live_smc3, hyp_smccc_smc3(FID, A(1), A(2), A(3), &res))
LIVE_FN(live_smc7, hyp_smccc_smc7(FID, A(1), A(2), A(3), A(4), A(5), A(6), A(7), &res))
LIVE_FN(live_hvc_v10, hyp_smccc_hvc_v10(FID, A(1), A(2), A(3), &res))
LIVE_FN(live_smc_v10, hyp_smccc_smc_v10(FID, A(1), A(2), A(3), &res))
static struct hyp_smccc_regs live_in, live_out;
LIVE_FN(live_hvc_regs, hyp_smccc_hvc_regs(&live_in, &live_out))
LIVE_FN(live_xen0, hyp_xen_hvc0(1))
LIVE_FN(live_xen1, hyp_xen_hvc1(1, A(1)))
LIVE_FN(live_xen2, hyp_xen_hvc2(1, A(1), A(2)))
LIVE_FN(live_xen3, hyp_xen_hvc3(1, A(1), A(2), A(3)))
LIVE_FN(live_xen4, hyp_xen_hvc4(1, A(1), A(2), A(3), A(4)))
LIVE_FN(live_xen5, hyp_xen_hvc5(1, A(1), A(2), A(3), A(4), A(5)))

void test_main(void)
{
	struct hyp_smccc_res res;
	struct hyp_smccc_regs in, out;
	unsigned long sum = expected_sum();
	long r;
	bool ok;

	guest_set_trap_handler(ARM64_EC_SVC64, svc_harness);

#define S(insn, imm, n, ...) \
	res = (struct hyp_smccc_res){ 0, 0, 0, 0 }; \
	r = hyp_smccc_##insn##n(FID, ##__VA_ARGS__, &res); \
	check_smccc(#insn, imm, n, r, &res)
	S(hvc, 0, 0);
	S(hvc, 0, 1, A(1));
	S(hvc, 0, 2, A(1), A(2));
	S(hvc, 0, 3, A(1), A(2), A(3));
	S(hvc, 0, 4, A(1), A(2), A(3), A(4));
	S(hvc, 0, 5, A(1), A(2), A(3), A(4), A(5));
	S(hvc, 0, 6, A(1), A(2), A(3), A(4), A(5), A(6));
	S(hvc, 0, 7, A(1), A(2), A(3), A(4), A(5), A(6), A(7));
	S(smc, 1, 0);
	S(smc, 1, 3, A(1), A(2), A(3));
	S(smc, 1, 7, A(1), A(2), A(3), A(4), A(5), A(6), A(7));

	for (unsigned int i = 0; i < 18; i++)
		in.x[i] = A(i + 1);
	in.x[0] = FID;
	regs_mode = true;
	hyp_smccc_hvc_regs(&in, &out);
	regs_mode = false;
	ok = seen_imm == 0;
	for (unsigned int i = 0; i < 18; i++)
		ok = ok && seen[i] == in.x[i] && out.x[i] == ~in.x[i];
	report(ok, "hvc_regs (SMCCC 1.2): x0..x17 in and out");

#define X(n, ...) \
	r = hyp_xen_hvc##n(0x30 + n, ##__VA_ARGS__); \
	ok = seen_imm == 0xea1 && seen[16] == 0x30 + n && (unsigned long)r == ~(0x30ul + n); \
	for (int i = 0; i < (int)(n); i++) \
		ok = ok && seen[i] == A((unsigned long)i + 1); \
	report(ok, "xen hvc%u: x16 = op, x0..x%d = args, x0 returned", n, n - 1)
	X(0);
	X(1, A(1));
	X(2, A(1), A(2));
	X(3, A(1), A(2), A(3));
	X(4, A(1), A(2), A(3), A(4));
	X(5, A(1), A(2), A(3), A(4), A(5));

#define LIVE(fn, name) report(fn() == sum, "%s: 28 values live across the call survive", name)
	LIVE(live_hvc0, "hvc0");
	LIVE(live_hvc1, "hvc1");
	LIVE(live_hvc2, "hvc2");
	LIVE(live_smc3, "smc3");
	LIVE(live_smc7, "smc7");
	LIVE(live_xen0, "xen hvc0");
	LIVE(live_xen1, "xen hvc1");
	LIVE(live_xen2, "xen hvc2");
	LIVE(live_xen3, "xen hvc3");
	LIVE(live_xen4, "xen hvc4");
	LIVE(live_xen5, "xen hvc5");
	v10_mode = true;
	LIVE(live_hvc_v10, "hvc_v10 (x4-x17 poisoned)");
	LIVE(live_smc_v10, "smc_v10 (x4-x17 poisoned)");
	v10_mode = false;
	regs_mode = true;
	LIVE(live_hvc_regs, "hvc_regs (x0-x17 changed)");
	regs_mode = false;
	report(calls == 11 + 1 + 6 + 11 + 3, "%u harness calls", calls);
}
