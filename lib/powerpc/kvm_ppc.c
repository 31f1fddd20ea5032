/* SPDX-License-Identifier: MIT */
/*
 * KVM's PowerPC calls through the ePAPR hypercall area (vendor 42; Linux
 * Documentation/virt/kvm/ppc-pv.rst): the features query, the magic page and
 * the instruction patcher's entry (the rewriting itself: patch.c).
 */
#include "powerpc.h"

#include <hyp/ppc_patch.h>

static bool magic_page_mapped;      /* KVM_HC_PPC_MAP_MAGIC_PAGE succeeded at -4096 */
static uint32_t magic_page_features; /* its HYP_KVM_PPC_MAGIC_FEAT_* answer */

/*
 * KVM's calls need the KVM gate: /hypervisor said "linux,kvm". It opens only
 * after the ePAPR gate and only on an ePAPR family (kvm_ppc_detect.c), so the
 * calls go straight to the area.
 */
static int kvm_gate_error(void)
{
	unsigned int gate = hyp_gate_read(&hyp_kvm_gate);

	return gate >= HYP_GATE_OPEN ? HYP_OK : (int)hyp_gate_error(gate);
}

int hyp_kvm_ppc_features(unsigned long *features)
{
	struct hyp_epapr_out out = { { 0 } };
	int err = kvm_gate_error();

	if (err)
		return err;
	err = hyp_epapr_error(hyp_epapr_area_call0(HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_FEATURES), &out));
	if (err == HYP_OK && features)
		*features = out.r[0];
	return err;
}

int hyp_kvm_ppc_map_magic_page(unsigned long gpa, unsigned long ea, uint32_t *magic_features)
{
	struct hyp_epapr_out out = { { 0 } };
	int err = kvm_gate_error();

	if (err)
		return err;
	err = hyp_epapr_error(hyp_epapr_area_call2(HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_PPC_MAP_MAGIC_PAGE),
						   gpa, ea, &out));
	if (err == HYP_OK && magic_features)
		*magic_features = (uint32_t)out.r[0];
#if defined(__powerpc64__)
	/*
	 * Book3s KVM-PR keeps the page in the byte order of the guest's
	 * interrupts (LPCR[ILE]) at the time of this call (Linux
	 * arch/powerpc/kvm/powerpc.c, kvmppc_kvm_pv()): a little-endian kernel
	 * that maps it before switching its interrupts to little-endian gets
	 * a big-endian page, which patched loads would misread. The page's
	 * msr must equal what mfmsr (answered by the hypervisor) reads.
	 */
	if (err == HYP_OK && (ea & ~0xffful) == (unsigned long)HYP_KVM_PPC_MAGIC_PAGE) {
		unsigned long msr, page_msr;

		/* As a patched mfmsr reads it: ld with RA = 0 at -4096 + msr. */
		__asm__ __volatile__("mfmsr %0\n\tld %1, %2(0)" : "=r"(msr), "=r"(page_msr)
				     : "i"(HYP_KVM_PPC_MAGIC_PAGE + HYP_KVM_PPC_MAGIC_OFF_MSR) : "memory");
		if (page_msr != msr) {
			__atomic_store_n(&magic_page_mapped, false, __ATOMIC_RELEASE);
			return HYP_EIO;
		}
	}
#endif
	/* The patcher's loads and stores address -4096 only. */
	if (err == HYP_OK && (ea & ~0xffful) == (unsigned long)HYP_KVM_PPC_MAGIC_PAGE) {
		magic_page_features = (uint32_t)out.r[0];
		__atomic_store_n(&magic_page_mapped, true, __ATOMIC_RELEASE);
	}
	return err;
}

static void sync_icache(const void *start, size_t bytes)
{
	uintptr_t p = (uintptr_t)start & ~(uintptr_t)31, end = (uintptr_t)start + bytes;

	for (; p < end; p += 32)            /* 32: the smallest PowerPC cache block */
		__asm__ __volatile__("dcbst 0, %0\n\tsync\n\ticbi 0, %0" : : "r"(p) : "memory");
	__asm__ __volatile__("sync\n\tisync" : : : "memory");
}

int hyp_kvm_ppc_patch(uint32_t *start, size_t words, uint32_t *gen, size_t gen_words,
		      unsigned int flags, struct hyp_kvm_ppc_patch_stats *stats)
{
	struct hyp_kvm_ppc_patch_stats st;
	int err;

	if (!__atomic_load_n(&magic_page_mapped, __ATOMIC_ACQUIRE))
		return HYP_EPERM;
#if defined(__powerpc64__)
	flags |= HYP_KVM_PPC_PATCH_64;
#endif
#if defined(__LITTLE_ENDIAN__)
	flags |= HYP_KVM_PPC_PATCH_LE;
#endif
	/* esr is only kept by hosts that announce the MAS0..SPRG7 fields. */
	flags &= ~HYP_KVM_PPC_PATCH_ESR;
	if (magic_page_features & HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7)
		flags |= HYP_KVM_PPC_PATCH_ESR;
	err = hyp_kvm_ppc_patch_words(start, words, (uintptr_t)start, gen, gen_words,
				      (uintptr_t)gen, flags, &st);
	if (err)
		return err;
	sync_icache(gen, st.gen_used * 4);
	sync_icache(start, words * 4);
	if (stats)
		*stats = st;
	return HYP_OK;
}
