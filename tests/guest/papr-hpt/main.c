/* SPDX-License-Identifier: MIT */
/*
 * The PAPR stubs' argument and output registers at arities 5 to 9, against
 * QEMU's sPAPR (hw/ppc/spapr_softmmu.c), which answers H_BULK_REMOVE from
 * r4..r11 and writes its answers back into them:
 *   r4+2k  tsh: type (request/end) | flags | PTE index; answered in place
 *          with type "response", the flags, the index and a result code;
 *   r5+2k  tsl: with the AVPN flag, the entry's AVPN, which must match.
 * Entries are first made with H_ENTER (arity 4; its index comes back in r4).
 * Any two argument registers swapped show: a tsl in a tsh slot is not a
 * request (H_PARAMETER), two tsh swap their answers, two tsl miss their AVPN
 * (result "not found"). r12 (the ninth argument) is read by no PAPR call
 * QEMU implements; hvsc9/hypercall9 are checked on r4..r11.
 * Constants: LoPAPR 14.5.4.1 (H_ENTER, H_BULK_REMOVE); Linux
 * arch/powerpc/include/asm/hvcall.h and mmu-hash.h.
 */
#include <guest/test.h>

#include <hyp/hyp.h>

#define H_ENTER                 0x08ul
#define H_BULK_REMOVE           0x124ul
#define H_EXACT                 (1ul << (63 - 24))
#define BULK_REQUEST            0x4000000000000000ul
#define BULK_RESPONSE           0x8000000000000000ul
#define BULK_END                0xc000000000000000ul
#define BULK_AVPN               0x0200000000000000ul
#define BULK_RC_BITS            (0x180ul << 43)     /* referenced/changed, as found */
#define BULK_NOT_FOUND          (1ul << 60)
#define HPTE_V_VALID            0x1ul
#define HPTE_R_M                0x10ul              /* WIMG = 0010: ordinary memory */
#define PTEL                    (0x100000ul | HPTE_R_M)

static unsigned long ptex(int i)
{
	return 0x100ul + 8ul * (unsigned long)i + 3;
}

static unsigned long pteh(int i)
{
	return ((0x2468ul + 0x111ul * (unsigned long)i) << 7) | HPTE_V_VALID;
}

static unsigned long tsh(int i)
{
	return BULK_REQUEST | BULK_AVPN | ptex(i);
}

static unsigned long tsl(int i)
{
	return pteh(i) & ~0x7ful;
}

static bool enter(int n)
{
	struct hyp_papr_out out;

	for (int i = 0; i < n; i++) {
		long rc = hyp_papr_hvsc4(H_ENTER, H_EXACT, ptex(i), pteh(i), PTEL, &out);

		if (rc != HYP_PAPR_H_SUCCESS || out.r[0] != ptex(i)) {
			report(false, "H_ENTER %d: rc %ld, index 0x%lx", i, rc, out.r[0]);
			return false;
		}
	}
	return true;
}

/* Pairs 0..pairs-1 answered in place, each with `code`; tsl registers untouched. */
static bool answered(const struct hyp_papr_out *o, int pairs, unsigned long code)
{
	for (int k = 0; k < pairs; k++)
		if ((o->r[2 * k] & ~BULK_RC_BITS) != (BULK_RESPONSE | BULK_AVPN | code | ptex(k)) ||
		    o->r[2 * k + 1] != tsl(k))
			return false;
	return true;
}

static void bulk(const char *name, int arity, int pairs, long rc, const struct hyp_papr_out *o,
		 bool rc_any)
{
	struct hyp_papr_out again;
	long rc2;

	report((rc == HYP_PAPR_H_SUCCESS || (rc_any && rc == HYP_PAPR_H_PARAMETER)) &&
	       answered(o, pairs, 0),
	       "%s (arity %d): H_BULK_REMOVE of %d entries, rc %ld, r4 0x%lx r5 0x%lx r%d 0x%lx",
	       name, arity, pairs, rc, o->r[0], o->r[1], 3 + 2 * pairs, o->r[2 * pairs - 1]);
	/* Removed for real: the same request now answers "not found" for each. */
	rc2 = hyp_papr_hvsc8(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1),
			     pairs > 2 ? tsh(2) : BULK_END, tsl(2), pairs > 3 ? tsh(3) : BULK_END,
			     tsl(3), &again);
	report(rc2 == HYP_PAPR_H_SUCCESS && answered(&again, pairs, BULK_NOT_FOUND),
	       "%s: the %d entries are gone", name, pairs);
}

void test_main(void)
{
	struct hyp_platform plat = { .ppc_papr = true };
	struct hyp_papr_out o;
	long rc;

	report(hyp_init(&plat) == HYP_OK && (hyp_get_info()->families & HYP_FAMILY_PAPR),
	       "hyp_init: PAPR");
	report(hyp_papr_hypercall8(H_BULK_REMOVE, BULK_END, 0, 0, 0, 0, 0, 0, 0, &o) ==
	       HYP_PAPR_H_SUCCESS, "H_BULK_REMOVE with nothing to do: H_SUCCESS");

	if (enter(2)) {
		rc = hyp_papr_hvsc5(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), BULK_END, &o);
		bulk("hvsc5", 5, 2, rc, &o, false);
	}
	if (enter(2)) {
		rc = hyp_papr_hypercall5(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), BULK_END, &o);
		bulk("hypercall5", 5, 2, rc, &o, false);
	}
	/* Arity 6: three pairs; r10 (no argument) may hold anything, so a
	 * fourth "request" may end the call with H_PARAMETER after the three. */
	if (enter(3)) {
		rc = hyp_papr_hvsc6(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2), &o);
		bulk("hvsc6", 6, 3, rc, &o, true);
	}
	if (enter(3)) {
		rc = hyp_papr_hypercall6(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
					 &o);
		bulk("hypercall6", 6, 3, rc, &o, true);
	}
	if (enter(3)) {
		rc = hyp_papr_hvsc7(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
				    BULK_END, &o);
		bulk("hvsc7", 7, 3, rc, &o, false);
	}
	if (enter(3)) {
		rc = hyp_papr_hypercall7(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
					 BULK_END, &o);
		bulk("hypercall7", 7, 3, rc, &o, false);
	}
	if (enter(4)) {
		rc = hyp_papr_hvsc8(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
				    tsh(3), tsl(3), &o);
		bulk("hvsc8", 8, 4, rc, &o, false);
	}
	if (enter(4)) {
		rc = hyp_papr_hypercall8(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
					 tsh(3), tsl(3), &o);
		bulk("hypercall8", 8, 4, rc, &o, false);
	}
	if (enter(4)) {
		rc = hyp_papr_hvsc9(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
				    tsh(3), tsl(3), 0x9999, &o);
		bulk("hvsc9", 9, 4, rc, &o, false);
	}
	if (enter(4)) {
		rc = hyp_papr_hypercall9(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), tsh(2), tsl(2),
					 tsh(3), tsl(3), 0x9999, &o);
		bulk("hypercall9", 9, 4, rc, &o, false);
	}
	/* A swapped pair, by hand: the stubs' answer must differ (the test can see swaps). */
	if (enter(2)) {
		rc = hyp_papr_hvsc5(H_BULK_REMOVE, tsh(0), tsl(1), tsh(1), tsl(0), BULK_END, &o);
		report(rc == HYP_PAPR_H_SUCCESS && !answered(&o, 2, 0) &&
		       answered(&o, 0, 0) && (o.r[0] & BULK_NOT_FOUND) && (o.r[2] & BULK_NOT_FOUND),
		       "two AVPNs swapped on purpose: both \"not found\"");
		hyp_papr_hvsc5(H_BULK_REMOVE, tsh(0), tsl(0), tsh(1), tsl(1), BULK_END, &o);
	}
}
