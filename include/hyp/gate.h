/* SPDX-License-Identifier: MIT */
/*
 * Hypercall gates: one byte per family, written by hyp_init() before any CPU
 * can see init done, read by every raw stub before it executes a hypercall
 * instruction. A closed gate makes the stub return an error instead: libhyp
 * never executes a hypercall instruction where detection found no hypervisor
 * that accepts it. Only x86 Xen's gate changes after hyp_init() (page <->
 * direct, see <hyp/x86/xen_hypercall.h>); every other gate is written once.
 *
 * Every gated stub returns hyp_gate_error(gate) through a closed gate
 * (gate < HYP_GATE_OPEN) before anything else; s390 alone tests the open gate
 * first, which gcc compiles 7 instructions shorter (tests/bench/callsite.py).
 */
#ifndef HYP_GATE_H
#define HYP_GATE_H

#include <hyp/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_GATE_UNINIT         0   /* hyp_init() has not finished */
#define HYP_GATE_ABSENT         1   /* detection found no such hypervisor */
#define HYP_GATE_OPEN           2   /* calls allowed; a family may name several open values */
#define HYP_GATE_X86_VMCALL     2   /* x86 KVM: open, Intel/Centaur/Zhaoxin instruction */
#define HYP_GATE_X86_VMMCALL    3   /* x86 KVM: open, AMD/Hygon instruction */
#define HYP_GATE_XEN_PAGE       2   /* x86 Xen: open, call through the hypercall page */
#define HYP_GATE_XEN_VMCALL     3   /* x86 Xen: open, direct vmcall (Intel HVM/PVH) */
#define HYP_GATE_XEN_VMMCALL    4   /* x86 Xen: open, direct vmmcall (AMD HVM/PVH) */
#define HYP_GATE_EPAPR_FALLBACK 2   /* PowerPC ePAPR: open, the area still answers EV_UNIMPLEMENTED itself */
#define HYP_GATE_EPAPR_PATCHED  3   /* PowerPC ePAPR: open, the area holds the hcall-instructions */

extern unsigned char hyp_kvm_gate;      /* KVM, every architecture (lib/init.c) */
extern unsigned char hyp_xen_gate;      /* x86 Xen (lib/x86/xen_page.c) */
extern unsigned char hyp_epapr_gate;    /* PowerPC ePAPR (lib/powerpc/epapr.c) */
extern unsigned char hyp_papr_gate;     /* PowerPC PAPR sc 1 (lib/powerpc/papr.c) */

/* Relaxed: a gate is stored (release) before anything that reads it can see it open. */
static inline unsigned int hyp_gate_read(const unsigned char *gate)
{
	return __atomic_load_n(gate, __ATOMIC_RELAXED);
}

/* The error a raw stub returns through a closed gate. */
static inline long hyp_gate_error(unsigned int gate)
{
	return gate == HYP_GATE_UNINIT ? HYP_ENOTINIT : HYP_ENOHYP;
}

/*
 * A gated call's closed-gate test, for functions returning long (int64_t):
 * `gate` read (relaxed), a closed gate's error returned. Library calls that
 * return int write the same test with an (int) cast.
 */
#define HYP_GATE_CHECK(var)                                                     \
	unsigned int gate = hyp_gate_read(&(var));                              \
	if (gate < HYP_GATE_OPEN)                                               \
		return hyp_gate_error(gate)

#ifdef __cplusplus
}
#endif

#endif /* HYP_GATE_H */
