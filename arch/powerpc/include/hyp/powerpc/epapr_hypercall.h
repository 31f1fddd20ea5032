/* SPDX-License-Identifier: MIT */
/*
 * PowerPC ePAPR hypercall stubs (KVM and other ePAPR hypervisors).
 *
 * ABI (ePAPR 1.1 chapter 6; Linux Documentation/virt/kvm/ppc-pv.rst): token (vendor << 16 | number)
 * in r11, arguments in r3-r10, status in r3 (0 or HYP_EV_*), outputs in
 * r4-r11. The instructions that enter the hypervisor are not fixed: the
 * device tree's /hypervisor "hcall-instructions" gives up to four, which
 * hyp_init() copies into hyp_epapr_hypercall_area (lib/powerpc/epapr_area.c), a
 * 16-byte routine ending in blr. Until then (and where no hypervisor gives
 * instructions) the area answers every call with HYP_EV_UNIMPLEMENTED in r3
 * and changes nothing else: calling it executes no hypercall instruction.
 *
 * The stubs reach the area with bl, so besides r3-r11 (operands here) a
 * call changes LR, and the patched instructions and the hypervisor may
 * change what the ePAPR ABI and Linux's epapr_hcalls.h call volatile across
 * a hypercall: r0 (PR KVM puts its "KVM!" marker there), r12, CTR, XER, and
 * the volatile CR fields of the ELF ABIs (cr0, cr1, cr5-cr7): the clobbers,
 * with "memory" (byte channels, the magic page).
 *
 * hyp_epapr_area_callN:  unconditional call of the area (N arguments).
 * hyp_epapr_hypercallN:  the same through hyp_epapr_gate (<hyp/gate.h>).
 */
#ifndef HYP_POWERPC_EPAPR_HYPERCALL_H
#define HYP_POWERPC_EPAPR_HYPERCALL_H

#include <stdint.h>

#include <hyp/epapr_abi.h>
#include <hyp/powerpc/regs.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Outputs r4..r11 of one call. */
struct hyp_epapr_out {
	unsigned long r[8];
};

/* The patchable routine (lib/powerpc/epapr_area.c): four instruction slots, blr. */
extern uint32_t hyp_epapr_hypercall_area[];

#ifndef HYP_EPAPR_CALL_INSN
#define HYP_EPAPR_CALL_INSN     "bl hyp_epapr_hypercall_area"
#endif
#define HYP_EPAPR_CLOBBERS      "r0", "r12", "ctr", "xer", "lr", \
				"cr0", "cr1", "cr5", "cr6", "cr7", "memory"

/* Register table: token r11 (in/out), p1..p8 in r3..r10 (HYP_PPC_MODES). */
#define HYP_EPAPR_REGS(n)       HYP_EPAPR_REGS_(HYP_PPC_MODES##n)
#define HYP_EPAPR_REGS_(...)    HYP_EPAPR_REGS__(__VA_ARGS__)
#define HYP_EPAPR_REGS__(a, b, c, d, e, f, g, h, i)                             \
	register unsigned long r11 __asm__("r11") = token;                      \
	HYP_PPC_REG_##a(r3, p1) HYP_PPC_REG_##b(r4, p2)                        \
	HYP_PPC_REG_##c(r5, p3) HYP_PPC_REG_##d(r6, p4)                        \
	HYP_PPC_REG_##e(r7, p5) HYP_PPC_REG_##f(r8, p6)                        \
	HYP_PPC_REG_##g(r9, p7) HYP_PPC_REG_##h(r10, p8)
#define HYP_EPAPR_IO(n)         HYP_EPAPR_IO_(HYP_PPC_MODES##n)
#define HYP_EPAPR_IO_(...)      HYP_EPAPR_IO__(__VA_ARGS__)
#define HYP_EPAPR_IO__(a, b, c, d, e, f, g, h, i)                               \
	"+r"(r11), HYP_PPC_IO_##a(r3), HYP_PPC_IO_##b(r4),                     \
	HYP_PPC_IO_##c(r5), HYP_PPC_IO_##d(r6), HYP_PPC_IO_##e(r7),            \
	HYP_PPC_IO_##f(r8), HYP_PPC_IO_##g(r9), HYP_PPC_IO_##h(r10)

#define HYP_EPAPR_STUB(name, n)                                                 \
	static inline long name(uint32_t token HYP_STUB_PARAMS##n, struct hyp_epapr_out *out) \
	HYP_PPC_BODY(HYP_EPAPR, n, HYP_EPAPR_CALL_INSN, HYP_PPC_OUT_R4_R11, HYP_EPAPR_CLOBBERS)
#define HYP_EPAPR_GATED(name, n)                                                \
	static inline long name(uint32_t token HYP_STUB_PARAMS##n, struct hyp_epapr_out *out) \
	HYP_PPC_GATED(hyp_epapr_gate, hyp_epapr_area_call##n(token HYP_STUB_ARGS##n, out))

HYP_EPAPR_STUB(hyp_epapr_area_call0, 0)
HYP_EPAPR_STUB(hyp_epapr_area_call1, 1)
HYP_EPAPR_STUB(hyp_epapr_area_call2, 2)
HYP_EPAPR_STUB(hyp_epapr_area_call3, 3)
HYP_EPAPR_STUB(hyp_epapr_area_call4, 4)
HYP_EPAPR_STUB(hyp_epapr_area_call5, 5)
HYP_EPAPR_STUB(hyp_epapr_area_call6, 6)
HYP_EPAPR_STUB(hyp_epapr_area_call7, 7)
HYP_EPAPR_STUB(hyp_epapr_area_call8, 8)
HYP_EPAPR_GATED(hyp_epapr_hypercall0, 0)
HYP_EPAPR_GATED(hyp_epapr_hypercall1, 1)
HYP_EPAPR_GATED(hyp_epapr_hypercall2, 2)
HYP_EPAPR_GATED(hyp_epapr_hypercall3, 3)
HYP_EPAPR_GATED(hyp_epapr_hypercall4, 4)
HYP_EPAPR_GATED(hyp_epapr_hypercall5, 5)
HYP_EPAPR_GATED(hyp_epapr_hypercall6, 6)
HYP_EPAPR_GATED(hyp_epapr_hypercall7, 7)
HYP_EPAPR_GATED(hyp_epapr_hypercall8, 8)

#ifdef __cplusplus
}
#endif

#endif /* HYP_POWERPC_EPAPR_HYPERCALL_H */
