/* SPDX-License-Identifier: MIT */
/*
 * KVM PowerPC guest-side instruction patching (Linux Documentation/virt/kvm/ppc-pv.rst): privileged
 * instructions that would trap to the hypervisor become loads and stores on
 * the magic page at -4096 (absolute addressing, RA = 0):
 *   mfmsr / mfsprg0-3 / mfsrr0 / mfsrr1 / mfdar / mfdsisr  -> load of the field
 *   mtsprg0-3 / mtsrr0 / mtsrr1 / mtdar / mtdsisr          -> store to the field
 *   tlbsync                                                -> nop
 *   mtmsr / mtmsrd / wrteei    -> branch to code generated in a caller buffer
 * 64-bit fields use ld/std in 64-bit mode, lwz/stw of the low word otherwise
 * (+4 on big-endian); dsisr is 32 bits. The generated code for an MSR write
 * sets magic->critical = r1 while it uses the scratch fields, stores the new
 * MSR in the page when only EE/RI change, and runs the original instruction
 * (so the hypervisor sees it) when other bits change or EE becomes set with
 * an interrupt pending. Unknown instructions stay; patched ones are not in
 * the table, so a second run changes nothing.
 *
 * Portable: it works on instruction words, so the host tests it.
 */
#ifndef HYP_PPC_PATCH_H
#define HYP_PPC_PATCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_KVM_PPC_PATCH_64            (1u << 0)   /* guest code runs with MSR[SF]: ld/std */
#define HYP_KVM_PPC_PATCH_LE            (1u << 1)   /* little-endian guest: low word at +0 */
#define HYP_KVM_PPC_PATCH_BOOKE         (1u << 2)   /* BookE SPRs: DEAR (61) -> dar, ESR (62) -> esr */
#define HYP_KVM_PPC_PATCH_ESR           (1u << 3)   /* BookE: the page's esr is valid
						       (HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7) */
#define HYP_KVM_PPC_PATCH_SITE_WORDS    40u         /* generated words one MSR write may take */

struct hyp_kvm_ppc_patch_stats {
	unsigned int loads_stores;      /* sites turned into a load, store or nop */
	unsigned int branches;          /* MSR writes turned into branches */
	unsigned int skipped;           /* MSR writes left: no room or out of branch range */
	size_t gen_used;                /* words of `gen` used */
};

/*
 * Patch `n` words at `code` (that run at address `code_addr`), generating MSR
 * write code into `gen` (`gen_words` words, running at `gen_addr`). 0 or
 * HYP_EINVAL (NULL, misaligned, overlapping buffers). `stats` may be NULL.
 */
int hyp_kvm_ppc_patch_words(uint32_t *code, size_t n, uint64_t code_addr,
			    uint32_t *gen, size_t gen_words, uint64_t gen_addr,
			    unsigned int flags, struct hyp_kvm_ppc_patch_stats *stats);

#ifdef __cplusplus
}
#endif

#endif /* HYP_PPC_PATCH_H */
