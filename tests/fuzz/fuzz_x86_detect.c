/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the x86 CPUID scan (lib/x86/x86_detect.c) through the
 * hyp_platform.cpuid hook: every answer comes from the input.
 *
 * Input: a mode byte (bit 0: a Xen PV guest, hyp_platform.xen_pv_start_info
 * set; bit 1: with a wrong magic), 16 bytes answered for any leaf the input
 * does not name (junk everywhere, as real CPUs answer unknown leaves), then
 * records of 2 bytes selector + 16 bytes eax ebx ecx edx. Selector 0/1:
 * leaf 0/1; 2..769: leaf 0x40000000 + k * 0x100 + o for k = (s - 2) / 3,
 * o = (s - 2) % 3; above: leaf 0x40000000 + (s - 770), any offset.
 *
 * Checked for any input: detection succeeds (HYP_EINVAL for a wrong PV
 * magic, with nothing asked), asks only leaf 0, leaf 1, the 256 bases, KVM
 * base + 1 and Xen base + 1, + 2, each at most once, and nothing above leaf 1
 * unless CPUID.1:ECX[31] is set or the guest is PV; the result is
 * self-consistent (enums in range, signature NUL-terminated, bases aligned
 * inside the range and holding the named signature, families matching the
 * bases, KVM features and Xen version and hypercall page leaf read from the
 * right leaves). The family probes may ask leaf 0x40000000 once more and
 * 0x40000001, 0x40000003, 0x40000004 (Hyper-V, after "Microsoft Hv" named
 * the hypervisor) or 0x40000010 (VMware, after "VMwareVMware"), each once;
 * HYP_FAMILY_HYPERV needs "Hv#1" and a max leaf in 0x40000005..0x400000ff,
 * its fields then come from leaves 3 and 4.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hyp/hyp.h>

#define HV_FIRST    0x40000000u
#define HV_LAST     0x40010000u
#define MAX_RECORDS 64
#define MAX_CALLS   (2 + 256 + 1 + 2 + 5)
#define SLOTS       (2 + 3 * 256)

struct script {
	uint32_t fallback[4];
	uint32_t regs[SLOTS][4];            /* per leaf_index(), where `set` */
	unsigned char set[SLOTS];
	unsigned int calls;
	unsigned char asked[SLOTS];         /* per leaf_index() */
	unsigned char probe_asked[5];       /* base 0 again, 0x40000001 again, 3, 4, 0x10 */
};

/* Leaves a family probe may ask once beyond the scan: their probe_asked slot, else -1. */
static int probe_slot(const struct script *s, uint32_t leaf)
{
	switch (leaf) {
	case HV_FIRST:          return s->asked[2] ? 0 : -1;
	case HV_FIRST + 1:      return s->asked[3] ? 1 : -1;
	case HV_FIRST + 3:      return 2;
	case HV_FIRST + 4:      return 3;
	case HV_FIRST + 0x10:   return 4;
	default:                return -1;
	}
}

static void check(bool ok)
{
	if (!ok)
		abort();
}

static uint32_t leaf_of(uint16_t sel)
{
	if (sel < 2)
		return sel;
	if (sel < SLOTS)
		return HV_FIRST + (uint32_t)((sel - 2) / 3) * 0x100u + (uint32_t)((sel - 2) % 3);
	return HV_FIRST + (uint32_t)(sel - SLOTS);
}

/* 0, 1, 2 + 3k + o (base k + o, o <= 2); -1 for any other leaf. */
static int leaf_index(uint32_t leaf)
{
	if (leaf <= 1)
		return (int)leaf;
	if (leaf < HV_FIRST || leaf >= HV_LAST || leaf % 0x100 > 2)
		return -1;
	return 2 + (int)((leaf - HV_FIRST) / 0x100) * 3 + (int)(leaf % 0x100);
}

static const uint32_t *answer(const struct script *s, uint32_t leaf)
{
	int idx = leaf_index(leaf);

	return idx >= 0 && s->set[idx] ? s->regs[idx] : s->fallback;
}

static void scripted_cpuid(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4])
{
	struct script *s = ctx;

	int idx = leaf_index(leaf);
	int probe = probe_slot(s, leaf);

	check(subleaf == 0);
	if (probe >= 0 && (idx < 0 || s->asked[idx])) {
		check(!s->probe_asked[probe]);
		s->probe_asked[probe] = 1;
		s->calls++;
		memcpy(regs, answer(s, leaf), 16);
		return;
	}
	check(idx >= 0);                            /* only 0, 1, bases, base + 1, + 2 */
	check(!s->asked[idx]);                      /* each at most once */
	s->asked[idx] = 1;
	s->calls++;
	memcpy(regs, answer(s, leaf), 16);
}

static bool was_asked(const struct script *s, uint32_t leaf)
{
	int idx = leaf_index(leaf);

	return idx >= 0 && s->asked[idx];
}

static bool signature_is(const uint32_t regs[4], const char sig[12])
{
	return memcmp(&regs[1], sig, 12) == 0;
}

static void check_base(const struct script *s, uint32_t base, const char sig[12])
{
	const uint32_t *regs;

	if (!base)
		return;
	check(base >= HV_FIRST && base < HV_LAST && base % 0x100 == 0);
	check(was_asked(s, base));
	regs = answer(s, base);
	check(signature_is(regs, sig));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char pv_magic[] = HYP_XEN_START_INFO_MAGIC_X86_64;
	static struct script s;
	struct hyp_platform plat = { .ctx = &s, .cpuid = scripted_cpuid };
	struct hyp_info info;
	char start_info[sizeof(pv_magic)];
	bool hv_bit, pv, bad_magic;
	int ret;

	memset(&s, 0, sizeof(s));
	if (size < 17)
		return 0;
	pv = data[0] & 1;
	bad_magic = data[0] & 2;
	memcpy(start_info, pv_magic, sizeof(pv_magic));
	if (bad_magic)
		start_info[4] ^= 1;
	if (pv)
		plat.xen_pv_start_info = start_info;
	memcpy(s.fallback, data + 1, 16);
	data += 17;
	size -= 17;
	for (unsigned int n = 0; size >= 18 && n < MAX_RECORDS; n++) {
		/* the last record for a leaf wins; leaves detection never asks are dropped */
		int idx = leaf_index(leaf_of((uint16_t)(data[0] | data[1] << 8)));

		if (idx >= 0) {
			memcpy(s.regs[idx], data + 2, 16);
			s.set[idx] = 1;
		}
		data += 18;
		size -= 18;
	}

	memset(&info, 0xa5, sizeof(info));
	ret = hyp_detect(&plat, &info);
	if (pv && bad_magic) {
		check(ret == HYP_EINVAL && s.calls == 0);
		return 0;
	}
	check(ret == HYP_OK);
	check(info.xen_pv == pv);

	check(s.asked[0]);
	hv_bit = answer(&s, 0)[0] >= 1 && ((answer(&s, 1)[2] & (1u << 31)) || pv);
	for (unsigned int k = 0; k < 256; k++) {
		uint32_t base = HV_FIRST + k * 0x100;

		check(was_asked(&s, base) == hv_bit);  /* the whole range, or none of it */
		if (was_asked(&s, base + 1))        /* base + 1: of the KVM or the Xen base, or Hyper-V's */
			check(info.x86_kvm_base == base || info.x86_xen_base == base ||
			      (k == 0 && info.kind == HYP_KIND_HYPERV));
		if (was_asked(&s, base + 2))        /* base + 2: of the Xen base only */
			check(info.x86_xen_base == base);
	}
	check(s.calls <= MAX_CALLS);
	if (!hv_bit)
		check(info.kind == HYP_KIND_NONE && info.families == 0 &&
		      info.x86_kvm_base == 0 && info.x86_xen_base == 0);

	check(info.kind <= HYP_KIND_UNKNOWN);
	check(info.x86_vendor <= HYP_X86_VENDOR_ZHAOXIN);
	check(info.signature[12] == '\0');
	check((info.families & ~(HYP_FAMILY_KVM | HYP_FAMILY_XEN | HYP_FAMILY_HYPERV |
				 HYP_FAMILY_VMWARE)) == 0);
	check(!(info.families & HYP_FAMILY_VMWARE) == (info.kind != HYP_KIND_VMWARE));
	if (info.families & HYP_FAMILY_HYPERV) {
		const uint32_t *vendor = answer(&s, HV_FIRST);

		check(info.kind == HYP_KIND_HYPERV && signature_is(vendor, "Microsoft Hv"));
		check(vendor[0] >= HV_FIRST + 5 && vendor[0] < HV_FIRST + 0x100);
		check(answer(&s, HV_FIRST + 1)[0] == 0x31237648u);
		check(info.hyperv_max_leaf == vendor[0]);
		check(info.hyperv_privileges == answer(&s, HV_FIRST + 3)[0] &&
		      info.hyperv_privileges_high == answer(&s, HV_FIRST + 3)[1] &&
		      info.hyperv_features == answer(&s, HV_FIRST + 3)[3]);
		check(info.hyperv_recommendations == answer(&s, HV_FIRST + 4)[0] &&
		      info.hyperv_spin_retries == answer(&s, HV_FIRST + 4)[1]);
	}
	check(!(info.families & HYP_FAMILY_KVM) == !info.x86_kvm_base);
	check(!(info.families & HYP_FAMILY_XEN) == !info.x86_xen_base);
	check_base(&s, info.x86_kvm_base, "KVMKVMKVM\0\0\0");
	check_base(&s, info.x86_xen_base, "XenVMMXenVMM");
	if (info.x86_xen_base) {
		uint32_t max = answer(&s, info.x86_xen_base)[0];

		check(max - info.x86_xen_base >= 2 && max - info.x86_xen_base < 0x100);
		check(info.xen_version == answer(&s, info.x86_xen_base + 1)[0]);
		check(info.x86_xen_hypercall_pages == answer(&s, info.x86_xen_base + 2)[0]);
		check(info.x86_xen_hypercall_msr == answer(&s, info.x86_xen_base + 2)[1]);
	}
	if (info.x86_kvm_base && was_asked(&s, info.x86_kvm_base + 1)) {
		check(info.kvm_features == answer(&s, info.x86_kvm_base + 1)[0]);
		check(info.kvm_hints == answer(&s, info.x86_kvm_base + 1)[3]);
	} else if (info.x86_kvm_base) {
		check(info.kvm_features == 0 && info.kvm_hints == 0);
	}
	return 0;
}
