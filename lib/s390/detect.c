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

#define STSI_FC_CURRENT     0u
#define STSI_LEVEL_VM       3u

/* SYSIB 3.2.2 layout (Principles of Operation; Linux asm/sysinfo.h). */
#define SYSIB322_COUNT      31u         /* low 4 bits: entries in vm[] */
#define SYSIB322_VM0        32u         /* vm[0], 64 bytes each */
#define SYSIB322_VM_NAME    12u         /* 8 EBCDIC characters */
#define SYSIB322_VM_CPI     24u         /* 16 EBCDIC characters */
/* SYSIB 1.1.1 */
#define SYSIB111_MANUF      32u         /* 16 EBCDIC characters */

#define DIAG500_TCG_CODES   ((1u << HYP_KVM_S390_VIRTIO_NOTIFY) | (1u << HYP_KVM_S390_VIRTIO_CCW_NOTIFY))
#define DIAG500_KVM_CODES   (1u << HYP_KVM_S390_VIRTIO_CCW_NOTIFY)

/* STSI stores a whole 4 KiB page: one page, used under a lock. */
static unsigned char sysib[4096] __attribute__((aligned(4096)));
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

/* The EBCDIC characters a control program name uses; anything else is '?'. */
static char ebcdic_to_ascii(unsigned char c)
{
	if (c >= 0xc1 && c <= 0xc9)
		return (char)('A' + (c - 0xc1));
	if (c >= 0xd1 && c <= 0xd9)
		return (char)('J' + (c - 0xd1));
	if (c >= 0xe2 && c <= 0xe9)
		return (char)('S' + (c - 0xe2));
	if (c >= 0x81 && c <= 0x89)
		return (char)('a' + (c - 0x81));
	if (c >= 0x91 && c <= 0x99)
		return (char)('j' + (c - 0x91));
	if (c >= 0xa2 && c <= 0xa9)
		return (char)('s' + (c - 0xa2));
	if (c >= 0xf0 && c <= 0xf9)
		return (char)('0' + (c - 0xf0));
	switch (c) {
	case 0x40: return ' ';
	case 0x4b: return '.';
	case 0x60: return '-';
	case 0x61: return '/';
	case 0x6d: return '_';
	case 0x00: return '\0';
	default:   return '?';
	}
}

/* EBCDIC field to NUL-terminated ASCII without trailing blanks; `out` holds n + 1. */
static void field_to_ascii(char *out, const unsigned char *field, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++) {
		out[i] = ebcdic_to_ascii(field[i]);
		if (out[i] != ' ' && out[i] != '\0')
			len = i + 1;
	}
	out[len] = '\0';
}

static bool starts_with(const char *s, const char *prefix)
{
	while (*prefix)
		if (*s++ != *prefix++)
			return false;
	return true;
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
	char cpi[17], manuf[17];
	unsigned long r0;

	(void)plat;
	lock();
	if (stsi(sysib, STSI_FC_CURRENT, 0, 0, &r0) != 0 ||
	    ((r0 >> 28) & 0xf) < STSI_LEVEL_VM ||
	    stsi(sysib, STSI_LEVEL_VM, 2, 2, NULL) != 0 ||
	    (sysib[SYSIB322_COUNT] & 0xf) == 0) {
		unlock();
		return HYP_OK;
	}
	field_to_ascii(cpi, &sysib[SYSIB322_VM0 + SYSIB322_VM_CPI], 16);
	field_to_ascii(info->s390_vm_name, &sysib[SYSIB322_VM0 + SYSIB322_VM_NAME], 8);
	if (stsi(sysib, 1, 1, 1, NULL) == 0)
		field_to_ascii(manuf, &sysib[SYSIB111_MANUF], 16);
	else
		manuf[0] = '\0';
	unlock();

	for (unsigned int i = 0; i < sizeof(info->signature) - 1 && cpi[i]; i++)
		info->signature[i] = cpi[i];
	if (!starts_with(cpi, "KVM/")) {
		info->kind = HYP_KIND_UNKNOWN;
		return HYP_OK;
	}
	info->families |= HYP_FAMILY_KVM;
	if (starts_with(manuf, "QEMU")) {
		info->kind = HYP_KIND_TCG;
		info->s390_diag500_codes = DIAG500_TCG_CODES;
	} else {
		info->kind = HYP_KIND_KVM;
		info->s390_diag500_codes = DIAG500_KVM_CODES;
	}
	return HYP_OK;
}

void hyp_arch_open_gates(const struct hyp_platform *plat, const struct hyp_info *info)
{
	(void)plat;
	hyp_gate_open(&hyp_kvm_gate, (info->families & HYP_FAMILY_KVM) ?
		      HYP_GATE_OPEN : HYP_GATE_ABSENT);
}

void hyp_arch_cpu_relax(void)
{
	__asm__ __volatile__("" ::: "memory");
}
