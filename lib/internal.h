/* SPDX-License-Identifier: MIT */
/* Between the portable core (lib/) and each architecture (lib/<arch>/). */
#ifndef HYP_LIB_INTERNAL_H
#define HYP_LIB_INTERNAL_H

#include <hyp/hyp.h>

/*
 * No pointer in read-only data: in a position-independent kernel the linker
 * turns each stored pointer into a dynamic relocation, allowed only in a
 * writable segment (ld.lld refuses one in a read-only segment without
 * -z notext; GNU ld marks DT_TEXTREL). So families are called directly, not
 * through tables of function pointers, strings are looked up in switches,
 * switches have no jump tables (-fno-jump-tables, lib/CMakeLists.txt) and a
 * clock source's ops (pointers by nature) are writable data. Checked on
 * every target's libhyp.a: tests/host/check-lib-objects.sh.
 */
#include "barrier.h"
#include "bytes.h"

/* Architecture: fill `info` from the platform; no hypercall, no state. */
int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info);

/* Architecture: open the gates of the families in `info` (before any CPU can see init done). */
void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info);

/*
 * Architecture, optional (a weak no-op otherwise): detection that needs
 * calls, run by hyp_init() only, after hyp_arch_open_gates(), into the info
 * hyp_get_info() returns. hyp_detect() never runs it.
 */
void hyp_arch_probe(const struct hyp_platform *plat, struct hyp_info *info);

/* Architecture: one iteration of a spin-wait. */
void hyp_arch_cpu_relax(void);

/* The platform hyp_init() copied; valid only after hyp_init() finished. */
const struct hyp_platform *hyp_platform_get(void);

/* Guest-physical address of `va` through the platform hook (identity by default). */
uint64_t hyp_virt_to_phys(const void *va);

/* A hypervisor's non-negative answer as an int result (clamped to INT_MAX). */
static inline int hyp_result_from_raw(long raw)
{
#if __LONG_MAX__ > __INT_MAX__
	if (raw > __INT_MAX__)
		return __INT_MAX__;
#endif
	return (int)raw;
}

/*
 * Whether a gated raw call's `raw` is its closed gate's code (nothing
 * executed): HYP_ENOTINIT or HYP_ENOHYP with the gate closed now (gates
 * open once; x86 KVM's closes while Hyper-V owns vmcall). A typed call
 * returns that as it is and maps everything else with hyp_<family>_error(),
 * which never gives a library code: a hypervisor answering -4001 is not
 * "hyp_init() has not run" (HYP_EIO). Out of line per family
 * (hyp_<family>_answer): a call site costs what the map's call did.
 */
static inline bool hyp_gate_passed(int64_t raw, const unsigned char *gate)
{
	return __builtin_expect(raw == HYP_ENOTINIT || raw == HYP_ENOHYP, 0) &&
	       hyp_gate_read(gate) < HYP_GATE_OPEN;
}

int hyp_kvm_answer(long raw);   /* lib/kvm_common.c */
int hyp_xen_answer(long raw);   /* lib/xen_calls.c (x86, aarch64) */

/* Store a gate value so that a CPU seeing it also sees everything written before. */
static inline void hyp_gate_open(unsigned char *gate, unsigned int value)
{
	__atomic_store_n(gate, (unsigned char)value, __ATOMIC_RELEASE);
}

/*
 * hyp_arch_open_gates(): `open` (the family's gate step, a call) if the
 * family is built (HYP_FAMILIES, include/hyp/config.h), else its gate stays
 * absent and the step is never referenced (--gc-sections drops it).
 */
#define HYP_FAMILY_OPEN(family, open, gate)                                     \
	do {                                                                    \
		if (HYP_FAMILY_BUILT(family))                                   \
			(open);                                                 \
		else                                                            \
			hyp_gate_open((gate), HYP_GATE_ABSENT);                 \
	} while (0)

/* hyp_kvm_gate open where detection found KVM, else absent (every arch but x86). */
void hyp_kvm_open_gate(const struct hyp_info *info);

#endif /* HYP_LIB_INTERNAL_H */
