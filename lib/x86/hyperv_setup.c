/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V setup: guest OS identity, hypercall page, reference time
 * (TLFS 3.13 "Establishing the Hypercall Interface", 12 "Timers").
 * The identity must be written first: a hypercall-MSR write before it is
 * ignored (seen under KVM; TLFS 3.13). The page MSR's bits 11:1 are kept as
 * read (reserved; bit 1 may be the lock).
 */
#include "../clock_internal.h"
#include "x86_msr.h"
#include "hyperv_tsc.h"

unsigned char hyp_hyperv_gate = HYP_GATE_UNINIT;
const void *hyp_hyperv_call_page;

static bool owns_vmcall;
static unsigned char kvm_gate_before;

#define X86_UD2_0   0x0f
#define X86_UD2_1   0x0b
#define X86_RET     0xc3
#define PAGE_CHECK  16u     /* the stub at offset 0 fits here on every host seen */
#ifndef HYP_X86_VMCALL_OPCODE2
#define HYP_X86_VMCALL_OPCODE2 0x01 /* 0f 01 c1 vmcall, 0f 01 d9 vmmcall (host tests trap instead) */
#endif

static const struct hyp_info *hyperv_info(int *err)
{
	const struct hyp_info *info = hyp_get_info();

	if (!info)
		*err = HYP_ENOTINIT;
	else if (!(info->families & HYP_FAMILY_HYPERV))
		*err = HYP_ENOHYP;
	else
		return info;
	return NULL;
}

void hyp_hyperv_hypercall_page_fill(void *page)
{
	unsigned char *bytes = page;

	for (unsigned int i = 0; i < HYP_HYPERV_PAGE_SIZE; i += 2) {
		bytes[i] = X86_UD2_0;
		bytes[i + 1] = X86_UD2_1;
	}
}

bool hyp_hyperv_hypercall_page_valid(const void *page)
{
	const unsigned char *b = page;

	if (!page)
		return false;
	for (unsigned int i = 0; i + 3 < PAGE_CHECK; i++) {
		if (b[i] != 0x0f || b[i + 1] != HYP_X86_VMCALL_OPCODE2 || (b[i + 2] != 0xc1 && b[i + 2] != 0xd9))
			continue;
		for (unsigned int j = i + 3; j < PAGE_CHECK; j++)
			if (b[j] == X86_RET)
				return true;
		return false;
	}
	return false;
}

bool hyp_hyperv_owns_vmcall(void)
{
	return __atomic_load_n(&owns_vmcall, __ATOMIC_ACQUIRE);
}

static void release_vmcall(void)
{
	if (hyp_hyperv_owns_vmcall()) {
		hyp_gate_open(&hyp_kvm_gate, kvm_gate_before);
		__atomic_store_n(&owns_vmcall, false, __ATOMIC_RELEASE);
	}
}

static void write_disabled(void)
{
	uint64_t msr = hyp_x86_rdmsr(HYP_HYPERV_MSR_HYPERCALL);

	hyp_x86_wrmsr(HYP_HYPERV_MSR_HYPERCALL, msr & HYP_HYPERV_MSR_RESERVED_MASK);
	hyp_x86_wrmsr(HYP_HYPERV_MSR_GUEST_OS_ID, 0);
}

int hyp_hyperv_enable(uint64_t guest_os_id, void *page)
{
	int err = HYP_OK;
	const struct hyp_info *info = hyperv_info(&err);
	uint64_t gpa, msr;

	if (!info)
		return err;
	if (!guest_os_id || !page || ((uintptr_t)page & (HYP_HYPERV_PAGE_SIZE - 1)))
		return HYP_EINVAL;
	gpa = hyp_virt_to_phys(page);
	if (gpa & (HYP_HYPERV_PAGE_SIZE - 1))
		return HYP_EINVAL;
	if (!(info->hyperv_privileges & HYP_HYPERV_MSR_HYPERCALL_AVAILABLE))
		return HYP_EOPNOTSUPP;

	/* From the identity write on, vmcall/vmmcall reach Hyper-V, not KVM. */
	if (!hyp_hyperv_owns_vmcall()) {
		kvm_gate_before = (unsigned char)hyp_gate_read(&hyp_kvm_gate);
		hyp_gate_open(&hyp_kvm_gate, kvm_gate_before >= HYP_GATE_OPEN ?
			      HYP_GATE_ABSENT : kvm_gate_before);
		__atomic_store_n(&owns_vmcall, true, __ATOMIC_RELEASE);
	}
	hyp_gate_open(&hyp_hyperv_gate, HYP_GATE_UNINIT);
	hyp_hyperv_hypercall_page_fill(page);
	hyp_x86_wrmsr(HYP_HYPERV_MSR_GUEST_OS_ID, guest_os_id);
	msr = hyp_x86_rdmsr(HYP_HYPERV_MSR_HYPERCALL);
	msr = (msr & HYP_HYPERV_MSR_RESERVED_MASK) | gpa | HYP_HYPERV_HYPERCALL_ENABLE;
	hyp_x86_wrmsr(HYP_HYPERV_MSR_HYPERCALL, msr);
	if (!(hyp_x86_rdmsr(HYP_HYPERV_MSR_HYPERCALL) & HYP_HYPERV_HYPERCALL_ENABLE) ||
	    !hyp_hyperv_hypercall_page_valid(page)) {
		write_disabled();
		release_vmcall();
		return HYP_EIO;
	}
	hyp_hyperv_call_page = page;
	hyp_gate_open(&hyp_hyperv_gate, HYP_GATE_OPEN);
	return HYP_OK;
}

int hyp_hyperv_disable(void)
{
	int err = HYP_OK;
	const struct hyp_info *info = hyperv_info(&err);

	if (!info)
		return err;
	hyp_gate_open(&hyp_hyperv_gate, HYP_GATE_UNINIT);
	if (info->hyperv_privileges & HYP_HYPERV_MSR_HYPERCALL_AVAILABLE)
		write_disabled();
	release_vmcall();
	return HYP_OK;
}

int hyp_hyperv_time_ref_count(uint64_t *out)
{
	int err = HYP_OK;
	const struct hyp_info *info = hyperv_info(&err);

	if (!info)
		return err;
	if (!out)
		return HYP_EINVAL;
	if (!(info->hyperv_privileges & HYP_HYPERV_MSR_TIME_REF_COUNT_AVAILABLE))
		return HYP_EOPNOTSUPP;
	*out = hyp_x86_rdmsr(HYP_HYPERV_MSR_TIME_REF_COUNT);
	return HYP_OK;
}

int hyp_hyperv_tsc_page_enable(struct hyp_hyperv_tsc_page *page)
{
	int err = HYP_OK;
	const struct hyp_info *info = hyperv_info(&err);
	volatile struct hyp_hyperv_tsc_page *p = page;
	uint64_t gpa, msr;

	if (!info)
		return err;
	if (!page || ((uintptr_t)page & (HYP_HYPERV_PAGE_SIZE - 1)))
		return HYP_EINVAL;
	gpa = hyp_virt_to_phys(page);
	if (gpa & (HYP_HYPERV_PAGE_SIZE - 1))
		return HYP_EINVAL;
	if (!(info->hyperv_privileges & HYP_HYPERV_MSR_REFERENCE_TSC_AVAILABLE))
		return HYP_EOPNOTSUPP;
	p->tsc_sequence = 0;
	p->tsc_scale = 0;
	p->tsc_offset = 0;
	msr = hyp_x86_rdmsr(HYP_HYPERV_MSR_REFERENCE_TSC);
	msr = (msr & HYP_HYPERV_MSR_RESERVED_MASK) | gpa | HYP_HYPERV_TSC_REFERENCE_ENABLE;
	hyp_x86_wrmsr(HYP_HYPERV_MSR_REFERENCE_TSC, msr);
	__atomic_store_n(&hyp_hyperv_tsc_page_active, page, __ATOMIC_RELEASE);
	return HYP_OK;
}

int hyp_hyperv_tsc_page_disable(void)
{
	int err = HYP_OK;
	const struct hyp_info *info = hyperv_info(&err);

	if (!info)
		return err;
	if (!(info->hyperv_privileges & HYP_HYPERV_MSR_REFERENCE_TSC_AVAILABLE))
		return HYP_EOPNOTSUPP;
	/* The clock reads the page on a CPU set up on it: tear those down first. */
	if (hyp_clock_in_use(HYP_CLOCK_HYPERV_TSC_PAGE))
		return HYP_EBUSY;
	__atomic_store_n(&hyp_hyperv_tsc_page_active, NULL, __ATOMIC_RELEASE);
	hyp_x86_wrmsr(HYP_HYPERV_MSR_REFERENCE_TSC,
		      hyp_x86_rdmsr(HYP_HYPERV_MSR_REFERENCE_TSC) & HYP_HYPERV_MSR_RESERVED_MASK);
	return HYP_OK;
}

uint64_t hyp_hyperv_mul64_hi(uint64_t a, uint64_t b)
{
	return hyp_hyperv_mulhi(a, b);
}

/* With the test's TSC hook: out of line, so the reader without one calls nothing. */
static __attribute__((noinline)) bool tsc_page_read_hooked(const volatile struct hyp_hyperv_tsc_page *page,
							   uint64_t (*tsc)(void), uint64_t *time)
{
	return hyp_hyperv_tsc_read(page, tsc, time);
}

bool hyp_hyperv_tsc_page_read(const volatile struct hyp_hyperv_tsc_page *page,
			      uint64_t (*tsc)(void), uint64_t *time)
{
	if (!page || !time)
		return false;
	if (tsc)
		return tsc_page_read_hooked(page, tsc, time);
	return hyp_hyperv_tsc_read(page, NULL, time);
}

int hyp_hyperv_reference_time(uint64_t *out)
{
	const struct hyp_hyperv_tsc_page *page =
		__atomic_load_n(&hyp_hyperv_tsc_page_active, __ATOMIC_ACQUIRE);

	if (out && page && hyp_hyperv_tsc_read(page, NULL, out))
		return HYP_OK;
	return hyp_hyperv_time_ref_count(out);
}
