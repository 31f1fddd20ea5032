/* SPDX-License-Identifier: MIT */
/*
 * s390x KVM (DIAGNOSE 0x500) and STSI's system-information blocks against
 * a hostile hypervisor, on the host: lib/s390/kvm.c, sysib.c and
 * lib/kvm_common.c built for s390x with the diagnose replaced
 * (s390_host/hyp/s390/). Checked: no answer in r2 reaches the caller as a
 * library code; one DIAGNOSE per call, none for a subcode detection did not
 * find served; SYSIB pages of hostile bytes (each a whole page against a
 * PROT_NONE page) give a NUL-terminated signature and VM name.
 * Closing line: "N passed, N failed".
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "abi_report.h"
#include "hostile_harness.h"

#undef __x86_64__               /* the library's s390x API (its sources are built so) */
#define __s390x__ 1
#include <hyp/kvm.h>

#include "s390/sysib.h"

unsigned char hyp_kvm_gate = HYP_GATE_OPEN;

static struct hyp_info info;

const struct hyp_info *hyp_get_info(void)
{
	return &info;
}

static struct {
	long r2;
	unsigned int calls;
} kvm;

long host_diag500(unsigned int nr, unsigned long p1, unsigned long p2, unsigned long p3,
		  unsigned long p4, unsigned long p5, unsigned long p6)
{
	(void)nr;
	(void)p1;
	(void)p2;
	(void)p3;
	(void)p4;
	(void)p5;
	(void)p6;
	kvm.calls++;
	return kvm.r2;
}

static void diag500(void)
{
	unsigned int spoofed = 0, calls = 0;
	int r;

	info.families = HYP_FAMILY_KVM;
	info.s390_diag500_codes = 1u << HYP_KVM_S390_VIRTIO_CCW_NOTIFY;
	for (unsigned int i = 0; i < HOSTILE_ANSWERS; i++) {
		kvm.r2 = (long)hostile_answer(i);
		kvm.calls = 0;
		spoofed += HYP_IS_LIBRARY_ERROR(hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, 0), 0, 0));
		spoofed += HYP_IS_LIBRARY_ERROR(hyp_kvm_s390_call(HYP_KVM_S390_VIRTIO_CCW_NOTIFY, 0, 0, 0));
		calls += kvm.calls != 2;
	}
	check(spoofed == 0 && calls == 0, "%u answers in the library range: %u reached the caller as "
	      "library codes, %u rounds not 2 calls", HOSTILE_ANSWERS, spoofed, calls);
	kvm.calls = 0;
	r = hyp_kvm_s390_call(31, 0, 0, 0);
	check(r == HYP_ENOSYS && hyp_kvm_s390_call(32, 0, 0, 0) == HYP_ENOSYS &&
	      hyp_kvm_virtio_notify(0) == HYP_ENOSYS && kvm.calls == 0,
	      "subcodes not served (31, 32, VIRTIO_NOTIFY under KVM): HYP_ENOSYS, no DIAGNOSE");
}

static int terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static void sysib(void)
{
	uint8_t *p322 = hostile_guard_tail(HYP_S390_SYSIB_SIZE);
	uint8_t *p111 = hostile_guard_tail(HYP_S390_SYSIB_SIZE);
	static const uint8_t fills[] = { 0xc1, 0x40, 0xff, 0x00, 0xd2 };
	unsigned int bad = 0;

	for (unsigned int i = 0; i < sizeof(fills); i++) {
		memset(p322, fills[i], HYP_S390_SYSIB_SIZE);
		memset(p111, fills[(i + 1) % sizeof(fills)], HYP_S390_SYSIB_SIZE);
		memset(&info, 0, sizeof(info));
		hyp_s390_read_sysib(p322, i % 2 ? NULL : p111, &info);
		bad += !terminated(info.signature, sizeof(info.signature)) ||
		       !terminated(info.s390_vm_name, sizeof(info.s390_vm_name));
	}
	check(bad == 0, "SYSIB 3.2.2 and 1.1.1 pages of hostile bytes, each a whole page before a "
	      "PROT_NONE page: signature and VM name NUL-terminated (%u bad)", bad);
}

int main(void)
{
	diag500();
	sysib();
	return abi_summary();
}
