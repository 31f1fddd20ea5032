/* SPDX-License-Identifier: MIT */
/*
 * s390x detection by STORE SYSTEM INFORMATION (never traps in supervisor
 * state: STSI exists on every z/Architecture machine).
 *
 * STSI function code 0 returns the current configuration level in r0 bits
 * 32-35: 1 basic machine, 2 LPAR, 3 virtual machine. Only level 3 has a
 * hypervisor underneath; SYSIB 3.2.2 then lists the control programs, vm[0]
 * being the innermost one (the one running us), each with an EBCDIC name
 * and control-program identifier (CPI).
 *
 * What the hosts report (vm[0]):
 *   KVM (Linux arch/s390/kvm/priv.c): name "KVMguest", CPI "KVM/Linux";
 *     QEMU may replace the name with its -name (target/s390x/kvm). SYSIB
 *     1.1.1 is the real machine's (manufacturer "IBM").
 *   QEMU TCG (target/s390x/tcg/misc_helper.c): level 3 always; CPI
 *     "KVM/Linux" (so that Linux takes it for KVM), name "TCGguest" (seen with QEMU
 *     7.2 here) or the -name; SYSIB 1.1.1 manufacturer "QEMU".
 *   z/VM: CPI "z/VM": no DIAGNOSE 0x500, reported as HYP_KIND_UNKNOWN.
 * A CPI starting "KVM/" is the KVM DIAGNOSE 0x500 interface; manufacturer
 * "QEMU" then means TCG (no real machine says QEMU), anything else KVM.
 */
#include "../internal.h"
#include "sysib.h"

#define STSI_FC_CURRENT     0u
#define STSI_LEVEL_VM       3u

/* STSI stores a whole 4 KiB page: two pages, used under a lock. */
static uint8_t sysib322[HYP_S390_SYSIB_SIZE] __attribute__((aligned(4096)));
static uint8_t sysib111[HYP_S390_SYSIB_SIZE] __attribute__((aligned(4096)));
static unsigned char sysib_lock;

/* STSI fc.sel1.sel2 into `page`; returns the condition code (0 stored, 3 not available). */
static unsigned int stsi(void *page, unsigned long fc, unsigned long sel1,
			 unsigned long sel2, unsigned long *r0_out)
{
	register unsigned long r0 __asm__("r0") = (fc << 28) | sel1;
	register unsigned long r1 __asm__("r1") = sel2;
	unsigned int cc;

	__asm__ __volatile__("stsi 0(%[page])\n\t"
			     "ipm %[cc]\n\t"
			     "srl %[cc],28"
			     : "+d"(r0), [cc] "=d"(cc)
			     : "d"(r1), [page] "a"(page)
			     : "cc", "memory");
	if (r0_out)
		*r0_out = r0;
	return cc;
}

static void lock(void)
{
	while (__atomic_exchange_n(&sysib_lock, 1, __ATOMIC_ACQUIRE))
		hyp_arch_cpu_relax();
}

static void unlock(void)
{
	__atomic_store_n(&sysib_lock, 0, __ATOMIC_RELEASE);
}

int hyp_arch_detect(const struct hyp_platform *plat, struct hyp_info *info)
{
	unsigned long r0;
	bool have111;

	(void)plat;
	lock();
	if (stsi(sysib322, STSI_FC_CURRENT, 0, 0, &r0) != 0 ||
	    ((r0 >> 28) & 0xf) < STSI_LEVEL_VM ||
	    stsi(sysib322, STSI_LEVEL_VM, 2, 2, NULL) != 0) {
		unlock();
		return HYP_OK;
	}
	have111 = stsi(sysib111, 1, 1, 1, NULL) == 0;
	hyp_s390_read_sysib(sysib322, have111 ? sysib111 : NULL, info);
	unlock();
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	hyp_kvm_open_gate(info);
}

void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("" ::: "memory");
}
